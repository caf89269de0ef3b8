/**
 * Fails when a cassandra-driver upgrade moves an internal the console relies on (see
 * driver-internals.ts): each check touches the installed driver, no cluster needed. If one fails,
 * change driver-internals.ts for the new version, then CHECKED_DRIVER_VERSION and the pin together.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import cassandra, { Client, errors, types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import {
  CHECKED_DRIVER_VERSION,
  clientOptions,
  hostFailures,
  preparedParameters,
  schemaInAgreement,
  valueEncoder,
} from './driver-internals';

const require = createRequire(import.meta.url);

// Constructing a Client opens nothing: connections start only with connect() or a first execute.
const unconnected = () => new Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });

describe('the cassandra-driver internals the console relies on', () => {
  it('are those of the installed driver, which is the version package.json pins', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const installed = (require('cassandra-driver/package.json') as { version: string }).version;
    expect(pkg.dependencies['cassandra-driver'], 'package.json pins an exact version').toBe(CHECKED_DRIVER_VERSION);
    expect(installed).toBe(CHECKED_DRIVER_VERSION);
  });

  it('lib/prepare-handler.js exports a static getPrepared(client, loadBalancing, query, keyspace)', () => {
    const handler = require('cassandra-driver/lib/prepare-handler.js') as { getPrepared?: unknown };
    expect(typeof handler.getPrepared).toBe('function');
    expect((handler.getPrepared as (...args: unknown[]) => unknown).length).toBe(4);
  });

  it('a Client exposes options.policies.loadBalancing (a policy with newQueryPlan) and options.encoding', () => {
    const options = clientOptions(unconnected());
    expect(typeof Reflect.get(options.loadBalancing as object, 'newQueryPlan')).toBe('function');
    expect(typeof options.encoding).toBe('object');
  });

  it("getPrepared answers from the metadata's prepared cache, with meta.columns of { name, type: { code } }", async () => {
    const client = unconnected();
    const statement = 'SELECT v FROM ks.t WHERE k = ?';
    // What execute leaves behind once it prepared a statement: getPrepared must find it without a round trip.
    const getPreparedInfo: unknown = Reflect.get(client.metadata, 'getPreparedInfo');
    expect(typeof getPreparedInfo).toBe('function');
    const info = Reflect.apply(getPreparedInfo as () => unknown, client.metadata, [undefined, statement]) as Record<
      string,
      unknown
    >;
    info.queryId = Buffer.from('0102', 'hex');
    info.meta = { columns: [{ ksname: 'ks', tablename: 't', name: 'k', type: { code: types.dataTypes.int } }] };
    const columns = await preparedParameters(client, statement);
    expect(columns).toEqual([{ name: 'k', type: { code: types.dataTypes.int } }]);
  });

  it('the module exports an Encoder that a client-options encoder can be built from, and it encodes', () => {
    const encoder = valueEncoder(unconnected());
    expect(encoder.encode(1, { code: types.dataTypes.int }).toString('hex')).toBe('00000001');
    expect(encoder.encode('ab', { code: types.dataTypes.text }).toString('hex')).toBe('6162');
    expect(encoder.encode(types.Long.fromNumber(2), { code: types.dataTypes.bigint }).toString('hex')).toBe(
      '0000000000000002',
    );
    expect(typeof Reflect.get(cassandra, 'Encoder')).toBe('function');
  });

  it('NoHostAvailableError keeps innerErrors, a map of host to error', () => {
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:9042');
    const error = new errors.NoHostAvailableError({ '127.0.0.1:9042': refused });
    expect(error.innerErrors).toEqual({ '127.0.0.1:9042': refused });
    expect(hostFailures(error)).toEqual([{ host: '127.0.0.1:9042', error: refused }]);
    expect(hostFailures(new errors.NoHostAvailableError({ h: 'not an error' }))[0]?.error.message).toBe('not an error');
  });

  it("a ResultSet's info carries isSchemaInAgreement", () => {
    const response = { rows: [], meta: { columns: [] } };
    // The typings declare ResultSet as an interface only; the module exports its constructor.
    const ResultSet = Reflect.get(types, 'ResultSet') as new (...args: unknown[]) => types.ResultSet;
    const agreed = new ResultSet(response, '127.0.0.1:9042', {}, 0, types.consistencies.one, true);
    const pending = new ResultSet(response, '127.0.0.1:9042', {}, 0, types.consistencies.one, false);
    expect(schemaInAgreement(agreed)).toBe(true);
    expect(schemaInAgreement(pending)).toBe(false);
  });

  it('metadata.getTrace builds the trace from these fields of system_traces', () => {
    expect(typeof unconnected().metadata.getTrace).toBe('function');
    const source = readFileSync(require.resolve('cassandra-driver/lib/metadata/index.js'), 'utf8');
    for (const field of [
      "requestType: sessionRow['request']",
      "coordinator: sessionRow['coordinator']",
      "parameters: sessionRow['parameters']",
      "startedAt: sessionRow['started_at']",
      "duration: sessionRow['duration']",
      "id: row['event_id']",
      "activity: row['activity']",
      "source: row['source']",
      "elapsed: row['source_elapsed']",
      "thread: row['thread']",
    ])
      expect(source, field).toContain(field);
  });
});
