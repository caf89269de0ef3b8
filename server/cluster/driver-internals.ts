import 'server-only';
/**
 * Every reach past cassandra-driver's public, typed API, in one file, each shape checked where it
 * is read: a driver upgrade that moves one of these fails here with a message that names it (and in
 * driver-internals.test.ts before that), not as an `undefined` deep inside a feature.
 *
 * What is public and stays outside: `client.metadata.keyspaces` (documented and typed as a map of
 * keyspace name to metadata; the console only asks which names it holds), `client.hosts`,
 * `metadata.getTokenRanges / getReplicas / newToken / refreshKeyspace`, `Host.tokens`.
 *
 * What is here:
 *  - `lib/prepare-handler.js` (not exported): the driver prepares only inside execute, and the
 *    workbench needs a statement's bind markers before it runs it. Its `getPrepared` takes the
 *    client's load-balancing policy, which only the undocumented `client.options` holds.
 *  - `Encoder` (exported at runtime, absent from the typings) built from `client.options`: the
 *    partition key locator encodes key values exactly as the driver does for routing.
 *  - `metadata.getTrace`'s result, which the typings describe wrongly (`startedAt` is a Date,
 *    event ids are TimeUuids, `activity`/`source`/`elapsed`/`thread` are typed `any`).
 *  - `NoHostAvailableError.innerErrors`, typed `any`: a map of `host:port` to the error from it.
 *  - `ResultSet.info.isSchemaInAgreement`, documented but missing from the typings.
 */
import { createRequire } from 'node:module';
import cassandra, { type errors as driverErrors, type Client, type types } from 'cassandra-driver';
import { z } from 'zod';

/** The driver version these internals were checked against; package.json pins exactly this one. */
export const CHECKED_DRIVER_VERSION = '4.10.0';

class DriverInternalsError extends Error {
  constructor(what: string, found: unknown) {
    super(
      `cassandra-driver internals moved: ${what} (found ${describe(found)}); ` +
        `server/cluster/driver-internals.ts was written for ${CHECKED_DRIVER_VERSION}`,
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object with ${Object.keys(value).join(', ') || 'no keys'}`;
  return typeof value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

// ------------------------------------------------------------------------------- client.options

/** What the console reads of the client's resolved options (defaults merged in by the driver). */
interface ClientOptionsView {
  /** The policy execute uses; preparing with the same one sends the PREPARE where execute would. */
  loadBalancing: unknown;
  /** The encoding options the client decodes and encodes with (maps, sets, bigints…). */
  encoding: object;
}

export function clientOptions(client: Client): ClientOptionsView {
  const options: unknown = Reflect.get(client, 'options');
  if (!isObject(options)) throw new DriverInternalsError('Client#options is not an object', options);
  const { policies, encoding } = options;
  if (!isObject(policies) || !isObject(policies.loadBalancing))
    throw new DriverInternalsError('Client#options.policies.loadBalancing is not a policy', policies);
  return { loadBalancing: policies.loadBalancing, encoding: isObject(encoding) ? encoding : {} };
}

// ------------------------------------------------------------------------------ prepare handler

/** A column type as the driver reports it (`{ code, info }`); passed on as the same object, never copied. */
export interface DriverColumnType {
  readonly code: number;
  readonly info?: unknown;
  readonly customTypeName?: string;
}

export interface PreparedColumn {
  name: string;
  type: DriverColumnType;
}

const require = createRequire(import.meta.url);

/** Loaded on first use, so a driver without it fails the feature that needs it, not the whole server. */
let getPrepared:
  ((client: Client, lb: unknown, query: string, keyspace: string | undefined) => Promise<unknown>) | null = null;

function prepareHandler() {
  if (getPrepared) return getPrepared;
  const handler: unknown = require('cassandra-driver/lib/prepare-handler.js');
  const fn: unknown = isObject(handler) || typeof handler === 'function' ? Reflect.get(handler, 'getPrepared') : null;
  if (typeof fn !== 'function')
    throw new DriverInternalsError('lib/prepare-handler.js has no static getPrepared', handler);
  getPrepared = (client, lb, query, keyspace) =>
    Promise.resolve(Reflect.apply(fn, handler, [client, lb, query, keyspace]));
  return getPrepared;
}

function isColumnType(value: unknown): value is DriverColumnType {
  return isObject(value) && typeof value.code === 'number';
}

/**
 * The bind markers of a statement, by preparing it the way execute does: the driver keeps the
 * prepared id, so a later `execute(…, { prepare: true })` reuses it rather than preparing again.
 */
export async function preparedParameters(client: Client, statement: string): Promise<PreparedColumn[]> {
  const prepared = await prepareHandler()(
    client,
    clientOptions(client).loadBalancing,
    statement,
    client.keyspace ?? undefined,
  );
  const columns: unknown = isObject(prepared) && isObject(prepared.meta) ? prepared.meta.columns : undefined;
  if (!Array.isArray(columns)) throw new DriverInternalsError('getPrepared() gave no meta.columns array', prepared);
  return columns.map((column: unknown) => {
    if (!isObject(column) || typeof column.name !== 'string' || !isColumnType(column.type))
      throw new DriverInternalsError('a prepared column is not { name, type: { code } }', column);
    return { name: column.name, type: column.type };
  });
}

// -------------------------------------------------------------------------------------- encoder

export interface ValueEncoder {
  /** A value in the driver's binary form for its column type (the type object from the driver's table metadata). */
  encode(value: unknown, type: unknown): Buffer;
}

/**
 * The protocol version the encoding is done for. Partition key columns are scalars, frozen
 * collections, tuples or UDTs, which encode alike in every version from 3 on (4-byte collection
 * lengths), and the console speaks v4 to Cassandra 4 and 5.
 */
const ENCODING_PROTOCOL_VERSION = 4;

export function valueEncoder(client: Client): ValueEncoder {
  const Encoder: unknown = Reflect.get(cassandra, 'Encoder');
  if (typeof Encoder !== 'function') throw new DriverInternalsError('the module exports no Encoder', Encoder);
  const encoder: unknown = Reflect.construct(Encoder, [
    ENCODING_PROTOCOL_VERSION,
    { encoding: clientOptions(client).encoding },
  ]);
  const encode: unknown = isObject(encoder) ? encoder.encode : undefined;
  if (typeof encode !== 'function') throw new DriverInternalsError('an Encoder has no encode()', encoder);
  return {
    encode(value, type) {
      const buffer: unknown = Reflect.apply(encode, encoder, [value, type]);
      if (!Buffer.isBuffer(buffer)) throw new DriverInternalsError('Encoder#encode() gave no Buffer', buffer);
      return buffer;
    },
  };
}

// ------------------------------------------------------------------------------------- tracing

const traceSchema = z.object({
  requestType: z.string(),
  coordinator: z.instanceof(cassandra.types.InetAddress),
  parameters: z.record(z.string(), z.string()).nullable(),
  // A timestamp column: the driver decodes it to a Date.
  startedAt: z.union([z.date(), z.number()]),
  duration: z.number().nullable(),
  events: z.array(
    z.object({
      id: z.instanceof(cassandra.types.TimeUuid),
      // Text columns, null only if a node wrote a partial event: shown empty rather than failing the trace.
      activity: z
        .string()
        .nullable()
        .transform((v) => v ?? ''),
      source: z.instanceof(cassandra.types.InetAddress),
      elapsed: z.number(),
      thread: z
        .string()
        .nullable()
        .transform((v) => v ?? ''),
    }),
  ),
});

export type DriverTrace = z.infer<typeof traceSchema>;

/** A traced request's session and events from system_traces; the driver retries until the session has its duration. */
export async function readTrace(
  client: Client,
  id: types.Uuid,
  consistency: types.consistencies,
): Promise<DriverTrace> {
  const trace: unknown = await client.metadata.getTrace(id, consistency);
  const parsed = traceSchema.safeParse(trace);
  if (!parsed.success)
    throw new DriverInternalsError(`metadata.getTrace() result: ${parsed.error.issues[0]?.message ?? ''}`, trace);
  return parsed.data;
}

// ------------------------------------------------------------------------------------ failures

export interface HostFailure {
  /** The host as the driver names it, `ip:port`. */
  host: string;
  error: Error;
}

/** Each host the driver tried and what it failed with; an inner value that is not an Error becomes one. */
export function hostFailures(error: driverErrors.NoHostAvailableError): HostFailure[] {
  const inner: unknown = error.innerErrors;
  if (!isObject(inner)) return [];
  return Object.entries(inner).map(([host, e]) => ({ host, error: e instanceof Error ? e : new Error(String(e)) }));
}

// ---------------------------------------------------------------------------------- result info

/** Whether the driver saw schema agreement after a DDL statement (it waits up to maxSchemaAgreementWaitSeconds). */
export function schemaInAgreement(result: types.ResultSet): boolean {
  const agreed: unknown = Reflect.get(result.info, 'isSchemaInAgreement');
  return agreed === true;
}
