import 'server-only';
/**
 * The bind markers of a statement, learnt by preparing it. The driver prepares inside execute and
 * keeps the result, but exposes no public prepare; driver-internals prepares on the same path
 * execute takes, so the statement is prepared once and the later execute reuses the id.
 */
import type { Client } from 'cassandra-driver';
import { preparedParameters, valueEncoder } from '../../cluster/driver-internals';
import { toDriverValues, type EncodeValue, type JsonValue } from './bind-values';
import type { CqlType } from '../format/format-cql';

export interface BindMarker {
  /** The column the marker stands for, or `in(col)` for `IN ?`. */
  name: string;
  type: CqlType;
}

export async function bindMarkers(client: Client, statement: string): Promise<BindMarker[]> {
  return (await preparedParameters(client, statement)).map((column) => ({ name: column.name, type: column.type }));
}

/** Each value is encoded once before execute, so a value that cannot be encoded is named by its marker. */
function clientEncoder(client: Client): EncodeValue {
  const encoder = valueEncoder(client);
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
