import 'server-only';
import { z } from 'zod';
import { config } from '../config';
import { listNodes } from '../nodes/list-nodes';
import { createTRPCRouter, publicProcedure } from '../trpc';

const clusterInput = z.object({ clusterId: z.string().min(1).max(64) });

export const clusterRouter = createTRPCRouter({
  /** The configured clusters, without secrets. */
  list: publicProcedure.query(() =>
    config().clusters.map((c) => ({ id: c.id, name: c.name ?? c.id, contactPoints: c.contactPoints, localDataCenter: c.localDataCenter, pollIntervalMs: c.pollIntervalMs })),
  ),
  nodes: publicProcedure.input(clusterInput).query(({ input }) => listNodes(input.clusterId)),
});
