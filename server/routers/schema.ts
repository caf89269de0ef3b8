import 'server-only';
import { z } from 'zod';
import { advise } from '../advisor/advisor';
import { DEFAULT_THRESHOLDS } from '../advisor/rules';
import { describeKeyspace, describeTable } from '../schema/describe';
import { keyspaceNames, schemaOutline } from '../schema/keyspaces';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { clusterInput } from './cluster';

const identifier = z.string().min(1).max(48);

export const schemaRouter = createTRPCRouter({
  keyspaces: publicProcedure.input(clusterInput).query(({ input }) => keyspaceNames(input.clusterId)),
  outline: publicProcedure.input(clusterInput).query(({ input }) => schemaOutline(input.clusterId)),
  keyspace: publicProcedure
    .input(clusterInput.extend({ keyspace: identifier }))
    .query(({ input }) => describeKeyspace(input.clusterId, input.keyspace)),
  table: publicProcedure
    .input(clusterInput.extend({ keyspace: identifier, table: identifier }))
    .query(({ input }) => describeTable(input.clusterId, input.keyspace, input.table)),

  /** The data-model advisor over every user table (or one keyspace's). */
  advise: publicProcedure
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
    .query(({ input }) => advise(input.clusterId, { ...DEFAULT_THRESHOLDS, ...input.thresholds }, input.keyspace)),
});
