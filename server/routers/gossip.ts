import 'server-only';
import { z } from 'zod';
import { clusterPoller } from '../nodes/live';
import { clusterInput, viewerProcedure, createTRPCRouter } from '../trpc';

export const gossipRouter = createTRPCRouter({
  /** One node's gossip view of every endpoint, as `nodetool gossipinfo` on that node prints it. */
  info: viewerProcedure
    .input(clusterInput.extend({ observer: z.string().min(1).max(64) }))
    .query(async ({ input, ctx }) => {
      const { value, takenAt } = await clusterPoller(ctx.cluster.id).fresh();
      const observer = value.observers.find((o) => o.address === input.observer);
      return { takenAt, observer: observer ?? null };
    }),
  /** What every node believes about every peer, with disagreements marked. */
  disagreement: viewerProcedure.input(clusterInput).query(async ({ ctx }) => {
    const { value, takenAt } = await clusterPoller(ctx.cluster.id).fresh();
    return { takenAt, ...value.disagreement };
  }),
});
