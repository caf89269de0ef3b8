import 'server-only';
/** Every keyspace's replication with its warnings, and running a guarded replication change. */
import { errors as driverErrors } from 'cassandra-driver';
import { StatementRejectedError, UnknownKeyspaceError } from '../cluster/errors';
import { isSystemKeyspace } from '@/lib/cql/system-keyspaces';
import { driverFor } from '../cluster/registry';
import { schemaInAgreement } from '../cluster/driver-internals';
import { z } from 'zod';
import { rowReader, textMap } from '../cluster/rows';
import { planReplicationChange, type ReplicationChange } from './alter';
import { parseReplication, replicationWarnings, type Replication, type ReplicationWarning } from './replication';

export interface KeyspaceReplication {
  name: string;
  system: boolean;
  replication: Replication;
  warnings: ReplicationWarning[];
}

const replicationRow = rowReader(
  'system_schema.keyspaces',
  z.object({ keyspace_name: z.string(), replication: textMap }),
);

async function nodesPerDc(clusterId: string): Promise<Record<string, number>> {
  const client = await driverFor(clusterId);
  const counts: Record<string, number> = {};
  for (const host of client.hosts.values()) counts[host.datacenter] = (counts[host.datacenter] ?? 0) + 1;
  return counts;
}

async function currentReplication(clusterId: string, keyspace: string): Promise<Replication> {
  const client = await driverFor(clusterId);
  const result = await client.execute(
    'SELECT keyspace_name, replication FROM system_schema.keyspaces WHERE keyspace_name = ?',
    [keyspace],
    { prepare: true },
  );
  const row = result.first();
  if (!row) throw new UnknownKeyspaceError(clusterId, keyspace, Object.keys(client.metadata.keyspaces));
  return parseReplication(replicationRow(row).replication);
}

export async function keyspaceReplications(
  clusterId: string,
): Promise<{ nodesPerDc: Record<string, number>; keyspaces: KeyspaceReplication[] }> {
  const client = await driverFor(clusterId);
  const dcs = await nodesPerDc(clusterId);
  const result = await client.execute('SELECT keyspace_name, replication FROM system_schema.keyspaces');
  const keyspaces = result.rows
    .map(replicationRow)
    .map(({ keyspace_name: name, replication: raw }) => {
      const replication = parseReplication(raw);
      return {
        name,
        system: isSystemKeyspace(name),
        replication,
        warnings: replicationWarnings(name, replication, dcs),
      };
    })
    .sort((a, b) => Number(a.system) - Number(b.system) || a.name.localeCompare(b.name));
  return { nodesPerDc: dcs, keyspaces };
}

export async function previewReplicationChange(
  clusterId: string,
  keyspace: string,
  target: Replication,
): Promise<ReplicationChange & { warnings: ReplicationWarning[] }> {
  const dcs = await nodesPerDc(clusterId);
  const plan = planReplicationChange(
    keyspace,
    await currentReplication(clusterId, keyspace),
    target,
    Object.keys(dcs).sort(),
  );
  return { ...plan, warnings: replicationWarnings(keyspace, target, dcs) };
}

/** Runs the change only if the caller confirmed exactly the statement the preview showed. */
export async function applyReplicationChange(
  clusterId: string,
  keyspace: string,
  target: Replication,
  confirmedStatement: string,
): Promise<ReplicationChange & { schemaAgreed: boolean }> {
  const preview = await previewReplicationChange(clusterId, keyspace, target);
  if (preview.statement !== confirmedStatement) {
    throw new StatementRejectedError(
      confirmedStatement,
      `the confirmed statement is not the one this change produces (${preview.statement}); preview it again`,
      null,
    );
  }
  const client = await driverFor(clusterId);
  try {
    // The driver waits for schema agreement after DDL (up to maxSchemaAgreementWaitSeconds) and says whether it came.
    const result = await client.execute(preview.statement);
    return { ...preview, schemaAgreed: schemaInAgreement(result) };
  } catch (error) {
    if (error instanceof driverErrors.ResponseError)
      throw new StatementRejectedError(preview.statement, error.message, error.code);
    throw error;
  }
}
