import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeOutcome,
  OPERATION_KINDS,
  operationRequest,
  unsupportedOperation,
  type OperationKind,
} from './node-operations';
import { strategyFor } from './versions/release-strategy';

const POLICY = readFileSync(new URL('../../localcluster/templates/jolokia-access.xml', import.meta.url), 'utf8');
const call = (params: Record<string, unknown> = {}) => ({ keyspace: 'ks', tables: ['t1'], params });
const V40 = strategyFor('4.0.19');
const V41 = strategyFor('4.1.10');
const V50 = strategyFor('5.0.9');
const PARAMS: Partial<Record<OperationKind, Record<string, unknown>>> = {
  snapshot: { tag: 'before-upgrade', ttlSeconds: 3600 },
  compactionthroughput: { mebibytesPerSecond: 16 },
  streamthroughput: { mebibytesPerSecond: 24 },
};

describe('operationRequest', () => {
  it('sends every kind, to every release, with a signature the access policy allows, exactly as spelled there', () => {
    for (const strategy of [V40, V41, V50])
      for (const kind of OPERATION_KINDS) {
        // 4.0 takes no snapshot ttl: the same snapshot without one.
        const params = kind === 'snapshot' && strategy === V40 ? { tag: 'before-upgrade' } : PARAMS[kind];
        const request = operationRequest(kind, call(params), strategy);
        const what = `${kind} on ${strategy.release}`;
        if (request.type === 'exec') expect(POLICY, what).toContain(`<operation>${request.operation}</operation>`);
        else if (request.type === 'write')
          expect(POLICY, what).toContain(`<attribute>${request.attribute}</attribute>`);
        else throw new Error(`${what}: unexpected ${request.type}`);
      }
  });

  it('puts the arguments where Cassandra 5.0 expects them', () => {
    expect(operationRequest('compact', call(), V50)).toMatchObject({ arguments: [false, 'ks', ['t1']] });
    expect(operationRequest('cleanup', call({ jobs: 2 }), V50)).toMatchObject({ arguments: [2, 'ks', ['t1']] });
    // -a (include all) is the opposite of Cassandra's "skip up-to-date SSTables".
    expect(operationRequest('upgradesstables', call({ includeAllSSTables: true }), V50)).toMatchObject({
      arguments: ['ks', false, 0, ['t1']],
    });
    expect(operationRequest('garbagecollect', call(), V50)).toMatchObject({ arguments: ['ROW', 0, 'ks', ['t1']] });
    expect(operationRequest('snapshot', call(PARAMS.snapshot), V50)).toMatchObject({
      arguments: ['before-upgrade', { skipFlush: 'false', ttl: '3600s' }, ['ks.t1']],
    });
    expect(operationRequest('clearsnapshot', call({ tag: 'old', olderThan: '30d' }), V50)).toMatchObject({
      arguments: [{ older_than: '30d' }, 'old', ['ks']],
    });
    expect(() => operationRequest('snapshot', call({ tag: 'x', ttlSeconds: 5 }), V50)).toThrow();
  });

  it('takes each release as it is: 4.x clears snapshots by tag, 4.0 caps streaming in megabits', () => {
    expect(operationRequest('clearsnapshot', call({ tag: 'old' }), V41)).toEqual({
      type: 'exec',
      mbean: 'org.apache.cassandra.db:type=StorageService',
      operation: 'clearSnapshot(java.lang.String,[Ljava.lang.String;)',
      arguments: ['old', ['ks']],
    });
    expect(operationRequest('streamthroughput', call({ mebibytesPerSecond: 24 }), V41)).toMatchObject({
      attribute: 'StreamThroughputMebibytesPerSec',
      value: 24,
    });
    // 24 MiB/s = 201.3 Mbit/s: what `nodetool setstreamthroughput 201` sets on 4.0.
    expect(operationRequest('streamthroughput', call({ mebibytesPerSecond: 24 }), V40)).toMatchObject({
      attribute: 'StreamThroughputMbPerSec',
      value: 201,
    });
  });

  it('refuses, naming the node and its release, what an older release would silently drop', () => {
    const ttl = { tag: 'x', ttlSeconds: 3600 };
    expect(unsupportedOperation('snapshot', ttl, V40, '127.0.0.46')).toBe(
      'a snapshot with a ttl needs Cassandra 4.1 or newer; 127.0.0.46 runs 4.0.19',
    );
    expect(unsupportedOperation('snapshot', ttl, V41, '127.0.0.41')).toBeNull();
    expect(unsupportedOperation('clearsnapshot', { olderThan: '30d' }, V41, '127.0.0.41')).toBe(
      'clearing snapshots older than an age needs Cassandra 5.0 or newer; 127.0.0.41 runs 4.1.10',
    );
    expect(unsupportedOperation('clearsnapshot', { tag: 'old' }, V40, '127.0.0.46')).toBeNull();
    expect(() => operationRequest('snapshot', call(ttl), V40, '127.0.0.46')).toThrow(
      'a snapshot with a ttl needs Cassandra 4.1 or newer; 127.0.0.46 runs 4.0.19',
    );
  });
});

describe('describeOutcome', () => {
  it('reads the int status Cassandra returns and fails on anything but success', () => {
    expect(describeOutcome('cleanup', 0, V50)).toBe('cleanup: successful');
    expect(() => describeOutcome('cleanup', 1, V50)).toThrow('cleanup ended aborted (Cassandra status 1)');
    expect(describeOutcome('flush', null, V50)).toBe('flush: done');
  });

  it('takes a throughput write’s answer for what it is, the previous value, not a status', () => {
    // Jolokia answers a write with the attribute's old value: 1 MiB/s is not "aborted", 64 not unknown.
    expect(describeOutcome('compactionthroughput', 1, V50)).toBe('set compaction throughput: done (it was 1 MiB/s)');
    expect(describeOutcome('streamthroughput', 64, V50)).toBe('set stream throughput: done (it was 64 MiB/s)');
    expect(describeOutcome('streamthroughput', 200, V40)).toBe('set stream throughput: done (it was 200 Mbit/s)');
  });
});
