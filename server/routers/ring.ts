import 'server-only';
import { z } from 'zod';
import { ringView } from '../ring/ring';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { clusterInput } from './cluster';

export const ringRouter = createTRPCRouter({
  /** Every token range with its owner; with a keyspace, its replicas and effective ownership. */
  view: publicProcedure
    .input(clusterInput.extend({ keyspace: z.string().min(1).max(48).nullish() }))
    .query(({ input }) => ringView(input.clusterId, input.keyspace ?? null)),
});
