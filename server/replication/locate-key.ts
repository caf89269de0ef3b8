import 'server-only';
/**
 * Where a partition key lives: its Murmur3 token and its replicas, computed as a coordinator does
 * (encode each key column, build the routing key, hash it, apply the keyspace's strategy).
 */
import type { Client } from 'cassandra-driver';
import { InvalidInputError, UnknownKeyspaceError, UnknownTableError } from '../cluster/errors';
import { driverFor } from '../cluster/registry';
import { describeTable } from '../schema/describe';
import { parseKeyValue, routingKey } from './partition-key';
import { hostAddress } from '../cluster/hosts';
import { valueEncoder } from '../cluster/driver-internals';

export interface KeyLocation {
  keyspace: string;
  table: string;
  token: string;
  routingKeyHex: string;
  replicas: { address: string; dc: string; rack: string }[];
}

async function tableMetadata(client: Client, clusterId: string, keyspace: string, table: string) {
  const metadata = await client.metadata.getTable(keyspace, table);
  if (!metadata) {
    await client.metadata.refreshKeyspace(keyspace);
    if (!client.metadata.keyspaces[keyspace])
      throw new UnknownKeyspaceError(clusterId, keyspace, Object.keys(client.metadata.keyspaces));
    const retried = await client.metadata.getTable(keyspace, table);
    // describeTable has found it in system_schema: only the driver's metadata lags, so no list to offer.
    if (!retried) throw new UnknownTableError(clusterId, keyspace, table, []);
    return retried;
  }
  return metadata;
}

export async function locateKey(
  clusterId: string,
  keyspace: string,
  table: string,
  values: Record<string, string>,
): Promise<KeyLocation> {
  const client = await driverFor(clusterId);
  const description = await describeTable(clusterId, keyspace, table);
  const metadata = await tableMetadata(client, clusterId, keyspace, table);
  const missing = description.partitionKey.filter((c) => !(c.name in values)).map((c) => c.name);
  if (missing.length > 0)
    throw new InvalidInputError(
      `the partition key of ${keyspace}.${table} is (${description.partitionKey.map((c) => c.name).join(', ')}); give a value for ${missing.join(', ')}`,
    );

  const encoder = valueEncoder(client);
  const components = description.partitionKey.map((column) => {
    const typed = values[column.name];
    if (typed === undefined) throw new InvalidInputError(`give a value for ${column.name}`);
    const value = parseKeyValue(column.name, column.type, typed);
    const driverColumn = metadata.partitionKeys.find((c) => c.name === column.name);
    if (!driverColumn) throw new Error(`the driver's metadata of ${keyspace}.${table} lacks ${column.name}`);
    return encoder.encode(value, driverColumn.type);
  });
  const key = routingKey(components);
  const token = client.metadata.newToken(key);
  const hosts = client.metadata.getReplicas(keyspace, token);
  return {
    keyspace,
    table,
    token: token.toString(),
    routingKeyHex: key.toString('hex'),
    replicas: hosts.map((h) => ({ address: hostAddress(h), dc: h.datacenter, rack: h.rack })),
  };
}
