import 'server-only';
import { z } from 'zod';
import { advise } from '../advisor/advisor';
import { DEFAULT_THRESHOLDS } from '../advisor/rules';
import { describeKeyspace, describeTable } from '../schema/describe';
import { keyspaceNames, schemaOutline } from '../schema/keyspaces';
import { clusterInput, viewerProcedure, createTRPCRouter } from '../trpc';

const identifier = z.string().min(1).max(48);

export const schemaRouter = createTRPCRouter({
  keyspaces: viewerProcedure.input(clusterInput).query(({ ctx }) => keyspaceNames(ctx.cluster.id)),
  outline: viewerProcedure.input(clusterInput).query(({ ctx }) => schemaOutline(ctx.cluster.id)),
  keyspace: viewerProcedure
    .input(clusterInput.extend({ keyspace: identifier }))
    .query(({ input, ctx }) => describeKeyspace(ctx.cluster.id, input.keyspace)),
  table: viewerProcedure
    .input(clusterInput.extend({ keyspace: identifier, table: identifier }))
    .query(({ input, ctx }) => describeTable(ctx.cluster.id, input.keyspace, input.table)),

  /** The data-model advisor over every user table (or one keyspace's). */
  advise: viewerProcedure
    .input(
      clusterInput.extend({
        keyspace: identifier.optional(),
        thresholds: z
          .object({
            largePartitionMiB: z.number().min(1).max(100_000),
            tombstonesPerRead: z.number().int().min(1).max(1_000_000),
            indexDistinctRatio: z.number().min(0.01).max(1),
          })
          .partial()
          .optional(),
      }),
    )
    .query(({ input, ctx }) => advise(ctx.cluster.id, { ...DEFAULT_THRESHOLDS, ...input.thresholds }, input.keyspace)),
});
