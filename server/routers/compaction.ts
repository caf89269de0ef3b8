import 'server-only';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { compactionHistory, compactionPoller, tableCompaction } from '../compaction/compaction-service';
import { clusterInput, viewerProcedure, createTRPCRouter } from '../trpc';

export const compactionRouter = createTRPCRouter({
  /** Running compactions with progress, rate and ETA, and pending tasks, every second while watched. */
  live: viewerProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, ctx, signal }) {
      const poller = compactionPoller(ctx.cluster.id);
      for await (const snapshot of poller.stream(signal, input.lastEventId)) yield tracked(snapshot.id, snapshot.value);
    }),
  current: viewerProcedure
    .input(clusterInput)
    .query(async ({ ctx }) => (await compactionPoller(ctx.cluster.id).fresh()).value),
  history: viewerProcedure
    .input(
      clusterInput.extend({
        limit: z.number().int().min(1).max(1000).default(50),
        keyspace: z.string().max(48).optional(),
      }),
    )
    .query(({ input, ctx }) => compactionHistory(ctx.cluster.id, input.limit, input.keyspace)),
  tables: viewerProcedure.input(clusterInput).query(({ ctx }) => tableCompaction(ctx.cluster.id)),
});
