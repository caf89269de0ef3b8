import 'server-only';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { compactionHistory, compactionPoller, tableCompaction } from '../compaction/compaction-service';
import { clusterInput, clusterProcedure, createTRPCRouter } from '../trpc';

export const compactionRouter = createTRPCRouter({
  /** Running compactions with progress, rate and ETA, and pending tasks, every second while watched. */
  live: clusterProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, ctx, signal }) {
      const poller = compactionPoller(ctx.cluster.id);
      for await (const snapshot of poller.stream(signal, input.lastEventId)) yield tracked(snapshot.id, snapshot.value);
    }),
  current: clusterProcedure
    .input(clusterInput)
    .query(async ({ ctx }) => (await compactionPoller(ctx.cluster.id).fresh()).value),
  history: clusterProcedure
    .input(
      clusterInput.extend({
        limit: z.number().int().min(1).max(1000).default(50),
        keyspace: z.string().max(48).optional(),
      }),
    )
    .query(({ input, ctx }) => compactionHistory(ctx.cluster.id, input.limit, input.keyspace)),
  tables: clusterProcedure.input(clusterInput).query(({ ctx }) => tableCompaction(ctx.cluster.id)),
});
