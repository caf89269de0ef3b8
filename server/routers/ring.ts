import 'server-only';
import { z } from 'zod';
import { ringView } from '../ring/ring';
import { clusterInput, viewerProcedure, createTRPCRouter } from '../trpc';

export const ringRouter = createTRPCRouter({
  /** Every token range with its owner; with a keyspace, its replicas and effective ownership. */
  view: viewerProcedure
    .input(clusterInput.extend({ keyspace: z.string().min(1).max(48).nullish() }))
    .query(({ input, ctx }) => ringView(ctx.cluster.id, input.keyspace ?? null)),
});
