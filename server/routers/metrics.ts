import 'server-only';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { eventStream } from '../live/event-stream';
import { isMetricName, METRICS } from '../metrics/catalogue';
import { collectorFor } from '../metrics/collectors';
import { metricSeries } from '../metrics/series';
import { sharedSeries } from '../metrics/series-cache';
import { clusterInput, createTRPCRouter, signedInProcedure, viewerProcedure } from '../trpc';

const DAY = 86_400_000;

export const metricsRouter = createTRPCRouter({
  catalogue: signedInProcedure.query(() => METRICS),

  /** One metric per node over a range (15 min to 30 days); the resolution follows the range. */
  series: viewerProcedure
    .input(
      clusterInput.extend({
        metric: z
          .string()
          .max(200)
          .refine(
            isMetricName,
            'unknown metric: one of the catalogue, or table:<keyspace>.<table>:<sstables|write.rate|write.p99|read.rate|read.p99>',
          ),
        rangeMs: z
          .number()
          .int()
          .min(60_000)
          .max(31 * DAY),
        to: z.number().int().optional(),
        nodes: z.array(z.string()).max(1000).optional(),
        /** One line for the cluster: rates summed, latencies the worst node's. */
        aggregate: z.enum(['sum', 'max']).optional(),
      }),
    )
    .query(({ input, ctx }) =>
      // Charts that follow "now" share an answer for a few seconds; a chart pinned to a time reads its own.
      input.to === undefined
        ? sharedSeries(ctx.cluster.id, input.metric, input.rangeMs, input.nodes, input.aggregate)
        : metricSeries(ctx.cluster.id, input.metric, input.rangeMs, input.to, input.nodes, input.aggregate),
    ),

  status: viewerProcedure.input(clusterInput).query(({ ctx }) => ({ ...collectorFor(ctx.cluster.id).status })),

  /** One metric's value per node from the collector's last poll (no history read): the physical view's tiles. */
  latest: viewerProcedure
    .input(clusterInput.extend({ metric: z.string().refine((m) => Object.hasOwn(METRICS, m), 'unknown metric') }))
    .query(({ input, ctx }) => {
      const latest = collectorFor(ctx.cluster.id).latest;
      const values: Record<string, number> = {};
      for (const [address, byMetric] of Object.entries(latest?.byNode ?? {})) {
        const value = byMetric[input.metric];
        if (value !== undefined) values[address] = value;
      }
      return { at: latest?.at ?? null, values, missing: latest?.missing ?? {} };
    }),

  /** Every value the collector just read, pushed after each poll: the charts' live tail. */
  live: viewerProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, ctx, signal }) {
      const collector = collectorFor(ctx.cluster.id);
      // A few polls are buffered: each one is a point on the charts' live tail.
      for await (const latest of eventStream((push) => collector.subscribe(push), signal, {
        initial: collector.latest,
        buffer: 5,
      })) {
        if (String(latest.at) !== input.lastEventId) yield tracked(String(latest.at), latest);
      }
    }),
});
