import { describe, expect, it } from 'vitest';
import { parseReplication, replicationWarnings } from './replication';

const DEMO = { dc1: 2, dc2: 1 };

describe('parseReplication', () => {
  it('reads the two strategies as system_schema stores them', () => {
    expect(
      parseReplication({ class: 'org.apache.cassandra.locator.NetworkTopologyStrategy', dc1: '3', dc2: '2' }),
    ).toEqual({ strategy: 'NetworkTopologyStrategy', factors: { dc1: 3, dc2: 2 } });
    expect(parseReplication({ class: 'org.apache.cassandra.locator.SimpleStrategy', replication_factor: '1' })).toEqual(
      { strategy: 'SimpleStrategy', factors: { '*': 1 } },
    );
    expect(
      parseReplication({ class: 'org.apache.cassandra.locator.NetworkTopologyStrategy', dc1: '3/1' }).factors,
    ).toEqual({ dc1: 3 });
  });
});

describe('replicationWarnings', () => {
  const warn = (ks: string, raw: Record<string, string>, dcs = DEMO) =>
    replicationWarnings(ks, parseReplication(raw), dcs).map((w) => w.message);

  it('flags SimpleStrategy across DCs and suggests the NetworkTopologyStrategy statement', () => {
    const [first] = replicationWarnings(
      'shop',
      parseReplication({ class: 'SimpleStrategy', replication_factor: '2' }),
      DEMO,
    );
    expect(first?.severity).toBe('danger');
    expect(first?.code).toBe('simple-strategy-multi-dc');
    expect(first?.message).toMatch(/SimpleStrategy in a cluster of 2 DCs/);
    expect(first?.fix).toContain(
      "ALTER KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}",
    );
  });

  it('flags a factor above the nodes of a DC, a DC with no nodes, and a DC with no replica', () => {
    expect(warn('shop', { class: 'NetworkTopologyStrategy', dc1: '3', dc2: '1' })).toEqual([
      expect.stringMatching(/replication factor 3 in dc1 is more than its 2 node/),
    ]);
    expect(warn('shop', { class: 'NetworkTopologyStrategy', dc1: '2', dc2: '1', dc9: '3' })).toEqual([
      expect.stringMatching(/DC dc9, which has no nodes/),
    ]);
    expect(warn('shop', { class: 'NetworkTopologyStrategy', dc1: '2' })).toEqual([
      expect.stringMatching(/DC dc2 holds no replica/),
    ]);
  });

  it('flags RF 1 but not a healthy keyspace', () => {
    expect(warn('shop', { class: 'NetworkTopologyStrategy', dc1: '1', dc2: '1' })).toEqual([
      expect.stringMatching(/replication factor 1: every node is a single point of failure/),
    ]);
    expect(warn('shop', { class: 'NetworkTopologyStrategy', dc1: '2', dc2: '1' })).toEqual([]);
    expect(warn('big', { class: 'NetworkTopologyStrategy', dc1: '3', dc2: '3' }, { dc1: 5, dc2: 4 })).toEqual([]);
  });

  it('flags system_auth left at its default, but never LocalStrategy keyspaces', () => {
    const [auth] = replicationWarnings(
      'system_auth',
      parseReplication({ class: 'SimpleStrategy', replication_factor: '1' }),
      { dc1: 3 },
    );
    expect(auth?.severity).toBe('danger');
    expect(auth?.code).toBe('system-keyspace-default');
    expect(auth?.message).toMatch(/system_auth is left at its default \(SimpleStrategy, rf 1\): logins fail/);
    expect(warn('system', { class: 'org.apache.cassandra.locator.LocalStrategy' })).toEqual([]);
  });

  it('gives every warning a code, and quotes a keyspace name the suggested statement needs quoted', () => {
    const codes = (ks: string, raw: Record<string, string>, dcs: Record<string, number> = DEMO) =>
      replicationWarnings(ks, parseReplication(raw), dcs).map((w) => w.code);
    expect(codes('shop', { class: 'SimpleStrategy', replication_factor: '5' })).toEqual([
      'simple-strategy-multi-dc',
      'rf-above-cluster-nodes',
    ]);
    expect(codes('shop', { class: 'NetworkTopologyStrategy', dc1: '3', dc9: '1' })).toEqual([
      'rf-above-dc-nodes',
      'dc-without-nodes',
      'dc-without-replica',
    ]);
    expect(codes('shop', { class: 'NetworkTopologyStrategy', dc1: '1', dc2: '1' })).toEqual(['rf-one']);
    const [first] = replicationWarnings(
      'Shop',
      parseReplication({ class: 'SimpleStrategy', replication_factor: '2' }),
      DEMO,
    );
    expect(first?.fix).toContain('ALTER KEYSPACE "Shop" WITH');
  });
});
