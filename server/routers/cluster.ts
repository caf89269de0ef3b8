import 'server-only';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { trafficOf } from '../cluster/traffic';
import { config } from '../config';
import { listNodes } from '../nodes/list-nodes';
import { collectorFor } from '../metrics/collectors';
import { overviewFigures } from '../overview/figures';
import { clusterPoller } from '../nodes/live';
import { roleOn } from '@/lib/roles';
import { clusterInput, createTRPCRouter, signedInProcedure, viewerProcedure } from '../trpc';

export const clusterRouter = createTRPCRouter({
  /** The configured clusters the caller holds a role on, with that role; without secrets. */
  list: signedInProcedure.query(({ ctx }) =>
    config().clusters.flatMap((c) => {
      const role = roleOn(ctx.principal.grants, c.id);
      if (role === null) return [];
      return [
        {
          id: c.id,
          name: c.name ?? c.id,
          contactPoints: c.contactPoints,
          localDataCenter: c.localDataCenter,
          pollIntervalMs: c.pollIntervalMs,
          role,
        },
      ];
    }),
  ),

  nodes: viewerProcedure.input(clusterInput).query(({ ctx }) => listNodes(ctx.cluster.id)),

  /**
   * The cluster as the shared poller sees it, pushed on every poll (SSE). Every browser reads the
   * same poller: more viewers mean more pushes, not more requests to the cluster.
   */
  live: viewerProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, ctx, signal }) {
      const poller = clusterPoller(ctx.cluster.id);
      // The overview's metric tiles ride on each push: the collector's latest poll, already in memory.
      const collector = ctx.cluster.metrics.enabled ? collectorFor(ctx.cluster.id) : null;
      for await (const snapshot of poller.stream(signal, input.lastEventId)) {
        yield tracked(snapshot.id, {
          ...snapshot.value,
          takenAt: snapshot.takenAt,
          pollError: snapshot.pollError,
          figures: overviewFigures(collector?.latest),
        });
      }
    }),

  /** What this console has sent to the cluster so far. */
  traffic: viewerProcedure.input(clusterInput).query(({ ctx }) => {
    return { ...trafficOf(ctx.cluster.id), subscribers: clusterPoller(ctx.cluster.id).subscriberCount };
  }),
});
