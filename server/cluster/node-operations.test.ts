import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeOutcome, OPERATION_KINDS, operationRequest, type OperationKind } from './node-operations';

const POLICY = readFileSync(new URL('../../localcluster/templates/jolokia-access.xml', import.meta.url), 'utf8');
const call = (params: Record<string, unknown> = {}) => ({ keyspace: 'ks', tables: ['t1'], params });
const PARAMS: Partial<Record<OperationKind, Record<string, unknown>>> = {
  snapshot: { tag: 'before-upgrade', ttlSeconds: 3600 },
  compactionthroughput: { mebibytesPerSecond: 16 },
  streamthroughput: { mebibytesPerSecond: 24 },
};

describe('operationRequest', () => {
  it('sends every kind with a signature the access policy allows, exactly as spelled there', () => {
    for (const kind of OPERATION_KINDS) {
      const request = operationRequest(kind, call(PARAMS[kind]));
      if (request.type === 'exec') expect(POLICY, kind).toContain(`<operation>${request.operation}</operation>`);
      else if (request.type === 'write') expect(POLICY, kind).toContain(`<attribute>${request.attribute}</attribute>`);
      else throw new Error(`${kind}: unexpected ${request.type}`);
    }
  });

  it('puts the arguments where Cassandra 5.0 expects them', () => {
    expect(operationRequest('compact', call())).toMatchObject({ arguments: [false, 'ks', ['t1']] });
    expect(operationRequest('cleanup', call({ jobs: 2 }))).toMatchObject({ arguments: [2, 'ks', ['t1']] });
    // -a (include all) is the opposite of Cassandra's "skip up-to-date SSTables".
    expect(operationRequest('upgradesstables', call({ includeAllSSTables: true }))).toMatchObject({
      arguments: ['ks', false, 0, ['t1']],
    });
    expect(operationRequest('garbagecollect', call())).toMatchObject({ arguments: ['ROW', 0, 'ks', ['t1']] });
    expect(operationRequest('snapshot', call(PARAMS.snapshot))).toMatchObject({
      arguments: ['before-upgrade', { skipFlush: 'false', ttl: '3600s' }, ['ks.t1']],
    });
    expect(operationRequest('clearsnapshot', call({ tag: 'old', olderThan: '30d' }))).toMatchObject({
      arguments: [{ older_than: '30d' }, 'old', ['ks']],
    });
    expect(() => operationRequest('snapshot', call({ tag: 'x', ttlSeconds: 5 }))).toThrow();
  });
});

describe('describeOutcome', () => {
  it('reads the int status Cassandra returns and fails on anything but success', () => {
    expect(describeOutcome('cleanup', 0)).toBe('cleanup: successful');
    expect(() => describeOutcome('cleanup', 1)).toThrow('cleanup ended aborted (Cassandra status 1)');
    expect(describeOutcome('flush', null)).toBe('flush: done');
  });

  it('takes a throughput write’s answer for what it is, the previous value, not a status', () => {
    // Jolokia answers a write with the attribute's old value: 1 MiB/s is not "aborted", 64 not unknown.
    expect(describeOutcome('compactionthroughput', 1)).toBe('set compaction throughput: done (it was 1 MiB/s)');
    expect(describeOutcome('streamthroughput', 64)).toBe('set stream throughput: done (it was 64 MiB/s)');
  });
});
