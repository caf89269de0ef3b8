import 'server-only';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { clusterConfig } from '../cluster/registry';
import { trafficOf } from '../cluster/traffic';
import { config } from '../config';
import { listNodes } from '../nodes/list-nodes';
import { clusterPoller } from '../nodes/live';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const clusterInput = z.object({ clusterId: z.string().min(1).max(64) });

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

  nodes: publicProcedure.input(clusterInput).query(({ input }) => listNodes(input.clusterId)),

  /**
   * The cluster as the shared poller sees it, pushed on every poll (SSE). Every browser reads the
   * same poller: more viewers mean more pushes, not more requests to the cluster.
   */
  live: publicProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, signal }) {
      const poller = clusterPoller(clusterConfig(input.clusterId).id);
      for await (const snapshot of poller.stream(signal, input.lastEventId)) {
        yield tracked(snapshot.id, { ...snapshot.value, takenAt: snapshot.takenAt, pollError: snapshot.pollError });
      }
    }),

  /** What this console has sent to the cluster so far. */
  traffic: publicProcedure.input(clusterInput).query(({ input }) => {
    clusterConfig(input.clusterId);
    return { ...trafficOf(input.clusterId), subscribers: clusterPoller(input.clusterId).subscriberCount };
  }),
});
