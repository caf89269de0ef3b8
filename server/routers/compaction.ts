import 'server-only';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { compactionHistory, compactionPoller, tableCompaction } from '../compaction/compaction-service';
import { clusterConfig } from '../cluster/registry';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { clusterInput } from './cluster';

export const compactionRouter = createTRPCRouter({
  /** Running compactions with progress, rate and ETA, and pending tasks, every second while watched. */
  live: publicProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, signal }) {
      const poller = compactionPoller(clusterConfig(input.clusterId).id);
      for await (const snapshot of poller.stream(signal, input.lastEventId)) yield tracked(snapshot.id, snapshot.value);
    }),
  current: publicProcedure
    .input(clusterInput)
    .query(async ({ input }) => (await compactionPoller(clusterConfig(input.clusterId).id).fresh()).value),
  history: publicProcedure
    .input(
      clusterInput.extend({
        limit: z.number().int().min(1).max(1000).default(50),
        keyspace: z.string().max(48).optional(),
      }),
    )
    .query(({ input }) => compactionHistory(input.clusterId, input.limit, input.keyspace)),
  tables: publicProcedure.input(clusterInput).query(({ input }) => tableCompaction(input.clusterId)),
});
