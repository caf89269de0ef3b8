import 'server-only';
import { z } from 'zod';
import { applyReplicationChange, keyspaceReplications, previewReplicationChange } from '../replication/keyspaces';
import { locateKey } from '../replication/locate-key';
import { clusterInput, createTRPCRouter, operatorProcedure, viewerProcedure } from '../trpc';

const identifier = z.string().min(1).max(48);
const replicationInput = z.object({
  strategy: z.enum(['SimpleStrategy', 'NetworkTopologyStrategy']),
  factors: z.record(z.string().min(1).max(64), z.number().int().min(0).max(32)),
});
const changeInput = clusterInput.extend({ keyspace: identifier, replication: replicationInput });

export const replicationRouter = createTRPCRouter({
  keyspaces: viewerProcedure.input(clusterInput).query(({ ctx }) => keyspaceReplications(ctx.cluster.id)),

  /** A partition key's token and replicas; one string per partition-key column, parsed by its type. */
  locate: viewerProcedure
    .input(
      clusterInput.extend({ keyspace: identifier, table: identifier, key: z.record(z.string(), z.string().max(4096)) }),
    )
    .query(({ input, ctx }) => locateKey(ctx.cluster.id, input.keyspace, input.table, input.key)),

  /** The ALTER statement a change produces and what must be run after it; changes nothing. */
  preview: viewerProcedure
    .input(changeInput)
    .query(({ input, ctx }) => previewReplicationChange(ctx.cluster.id, input.keyspace, input.replication)),

  /** Runs the change, only with the statement the operator confirmed. */
  alter: operatorProcedure
    .input(changeInput.extend({ confirmedStatement: z.string().min(1).max(2000) }))
    .mutation(({ input, ctx }) =>
      applyReplicationChange(ctx.cluster.id, input.keyspace, input.replication, input.confirmedStatement),
    ),
});
