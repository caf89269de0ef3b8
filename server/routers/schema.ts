import 'server-only';
import { keyspaceNames } from '../schema/keyspaces';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { clusterInput } from './cluster';

export const schemaRouter = createTRPCRouter({
  keyspaces: publicProcedure.input(clusterInput).query(({ input }) => keyspaceNames(input.clusterId)),
});
