import 'server-only';
/**
 * The cluster overview's two reads beside its live push: what is running now (cached per cluster for
 * a few seconds, so viewers add no load to the cluster) and the recent events (the console's store).
 */
import { z } from 'zod';
import { recentEvents } from '../overview/recent-events';
import { runningNow } from '../overview/running-now';
import { clusterInput, createTRPCRouter, viewerProcedure } from '../trpc';

export const overviewRouter = createTRPCRouter({
  running: viewerProcedure.input(clusterInput).query(({ ctx }) => runningNow(ctx.cluster.id)),

  events: viewerProcedure
    .input(clusterInput.extend({ limit: z.number().int().min(1).max(50).default(10) }))
    .query(({ input, ctx }) => recentEvents(ctx.cluster.id, input.limit)),
});
