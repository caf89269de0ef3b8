import 'server-only';
import { z } from 'zod';
import { applyReplicationChange, keyspaceReplications, previewReplicationChange } from '../replication/keyspaces';
import { locateKey } from '../replication/locate-key';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { clusterInput } from './cluster';

const identifier = z.string().min(1).max(48);
const replicationInput = z.object({
  strategy: z.enum(['SimpleStrategy', 'NetworkTopologyStrategy']),
  factors: z.record(z.string().min(1).max(64), z.number().int().min(0).max(32)),
});
const changeInput = clusterInput.extend({ keyspace: identifier, replication: replicationInput });

export const replicationRouter = createTRPCRouter({
  keyspaces: publicProcedure.input(clusterInput).query(({ input }) => keyspaceReplications(input.clusterId)),

  /** A partition key's token and replicas; one string per partition-key column, parsed by its type. */
  locate: publicProcedure
    .input(
      clusterInput.extend({ keyspace: identifier, table: identifier, key: z.record(z.string(), z.string().max(4096)) }),
    )
    .query(({ input }) => locateKey(input.clusterId, input.keyspace, input.table, input.key)),

  /** The ALTER statement a change produces and what must be run after it; changes nothing. */
  preview: publicProcedure
    .input(changeInput)
    .query(({ input }) => previewReplicationChange(input.clusterId, input.keyspace, input.replication)),

  /** Runs the change, only with the statement the operator confirmed. */
  alter: publicProcedure
    .input(changeInput.extend({ confirmedStatement: z.string().min(1).max(2000) }))
    .mutation(({ input }) =>
      applyReplicationChange(input.clusterId, input.keyspace, input.replication, input.confirmedStatement),
    ),
});
