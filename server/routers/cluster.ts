import 'server-only';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { trafficOf } from '../cluster/traffic';
import { config } from '../config';
import { listNodes } from '../nodes/list-nodes';
import { clusterPoller } from '../nodes/live';
import { clusterInput, clusterProcedure, createTRPCRouter, publicProcedure } from '../trpc';

export const clusterRouter = createTRPCRouter({
  /** The configured clusters, without secrets. */
  list: publicProcedure.query(() =>
    config().clusters.map((c) => ({
      id: c.id,
      name: c.name ?? c.id,
      contactPoints: c.contactPoints,
      localDataCenter: c.localDataCenter,
      pollIntervalMs: c.pollIntervalMs,
    })),
  ),

  nodes: clusterProcedure.input(clusterInput).query(({ ctx }) => listNodes(ctx.cluster.id)),

  /**
   * The cluster as the shared poller sees it, pushed on every poll (SSE). Every browser reads the
   * same poller: more viewers mean more pushes, not more requests to the cluster.
   */
  live: clusterProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, ctx, signal }) {
      const poller = clusterPoller(ctx.cluster.id);
      for await (const snapshot of poller.stream(signal, input.lastEventId)) {
        yield tracked(snapshot.id, { ...snapshot.value, takenAt: snapshot.takenAt, pollError: snapshot.pollError });
      }
    }),

  /** What this console has sent to the cluster so far. */
  traffic: clusterProcedure.input(clusterInput).query(({ ctx }) => {
    return { ...trafficOf(ctx.cluster.id), subscribers: clusterPoller(ctx.cluster.id).subscriberCount };
  }),
});
