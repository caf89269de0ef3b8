import 'server-only';
import { z } from 'zod';
import { clusterPoller } from '../nodes/live';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { clusterInput } from './cluster';

export const gossipRouter = createTRPCRouter({
  /** One node's gossip view of every endpoint, as `nodetool gossipinfo` on that node prints it. */
  info: publicProcedure.input(clusterInput.extend({ observer: z.string().min(1).max(64) })).query(async ({ input }) => {
    const { value, takenAt } = await clusterPoller(input.clusterId).fresh();
    const observer = value.observers.find((o) => o.address === input.observer);
    return { takenAt, observer: observer ?? null };
  }),
  /** What every node believes about every peer, with disagreements marked. */
  disagreement: publicProcedure.input(clusterInput).query(async ({ input }) => {
    const { value, takenAt } = await clusterPoller(input.clusterId).fresh();
    return { takenAt, ...value.disagreement };
  }),
});
