import 'server-only';
/**
 * The bind markers of a statement, learnt by preparing it. The driver prepares inside execute and
 * keeps the result, but exposes no public prepare; its PrepareHandler is the same path execute takes,
 * so the statement is prepared once and the later execute reuses the id.
 */
import { createRequire } from 'node:module';
import type { Client } from 'cassandra-driver';
import { toDriverValues, type EncodeValue, type JsonValue } from './bind-values';
import type { CqlType } from '../format/format-cql';

export interface BindMarker {
  /** The column the marker stands for, or `in(col)` for `IN ?`. */
  name: string;
  type: CqlType;
}

interface PreparedMeta {
  meta: { columns: { name: string; type: CqlType }[] };
}

interface PrepareHandlerModule {
  getPrepared(
    client: Client,
    loadBalancing: unknown,
    query: string,
    keyspace: string | undefined,
  ): Promise<PreparedMeta>;
}

const require = createRequire(import.meta.url);
const prepareHandler = require('cassandra-driver/lib/prepare-handler.js') as PrepareHandlerModule;

export async function bindMarkers(client: Client, statement: string): Promise<BindMarker[]> {
  const loadBalancing = (client as Client & { options: { policies: { loadBalancing: unknown } } }).options.policies
    .loadBalancing;
  const prepared = await prepareHandler.getPrepared(client, loadBalancing, statement, client.keyspace ?? undefined);
  return prepared.meta.columns.map((column) => ({ name: column.name, type: column.type }));
}

/** The client's own encoder (private in the driver, like the prepare handler): the one execute encodes with. */
function clientEncoder(client: Client): EncodeValue {
  const encoder = (
    client as Client & { _getEncoder(): { encode(value: unknown, type: CqlType): unknown } }
  )._getEncoder();
  return (value, type) => encoder.encode(value, type);
}

/** The driver's parameters for running `statement` with these values; undefined runs it unprepared, as typed. */
export async function boundParameters(
  client: Client,
  statement: string,
  values: JsonValue[] | null,
): Promise<unknown[] | undefined> {
  if (values === null) return undefined;
  const markers = await bindMarkers(client, statement);
  return toDriverValues(values, markers, clientEncoder(client));
}
