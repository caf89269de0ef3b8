import { describe, expect, it } from 'vitest';
import {
  featureMissingReason,
  firstSeriesWith,
  seriesOfRelease,
  strategyFor,
  unsupportedReason,
  virtualTableOf,
} from './release-strategy';
import { mebibytesToMegabits } from './features';

describe('the release strategy of a node', () => {
  it('is chosen by the release the node reports', () => {
    expect(seriesOfRelease('4.0.19')).toBe('4.0');
    expect(seriesOfRelease('4.1.10')).toBe('4.1');
    expect(seriesOfRelease('4.1.10-SNAPSHOT')).toBe('4.1');
    expect(seriesOfRelease('5.0.9')).toBe('5.0');
    // Newer than we know: read as the newest we know, not refused.
    expect(seriesOfRelease('5.1.0')).toBe('5.0');
    expect(seriesOfRelease('3.11.17')).toBeNull();
    // Not known yet (the driver has not read system.peers_v2): try, do not refuse.
    expect(seriesOfRelease(null)).toBe('5.0');
  });

  it("offers each release's virtual tables (as listed by real 4.0.19, 4.1.10 and 5.0.9 nodes)", () => {
    const v40 = strategyFor('4.0.19');
    const v41 = strategyFor('4.1.10');
    const v50 = strategyFor('5.0.9');
    for (const table of ['settings', 'sstable_tasks', 'max_partition_size', 'tombstones_per_read'])
      expect(
        [v40, v41, v50].map((s) => s.hasVirtualTable(table)),
        table,
      ).toEqual([true, true, true]);
    for (const table of ['gossip_info', 'pending_hints', 'streaming', 'repairs'])
      expect(
        [v40, v41, v50].map((s) => s.hasVirtualTable(table)),
        table,
      ).toEqual([false, true, true]);
    for (const table of ['snapshots', 'system_logs'])
      expect(
        [v40, v41, v50].map((s) => s.hasVirtualTable(table)),
        table,
      ).toEqual([false, false, true]);
    expect(firstSeriesWith('streaming')).toBe('4.1');
    expect(firstSeriesWith('no_such_table')).toBeNull();
  });

  it('finds the virtual table a statement reads', () => {
    expect(virtualTableOf('SELECT name FROM system_views.snapshots')).toBe('snapshots');
    expect(virtualTableOf('select * from "system_views"."Streaming" where x = 1')).toBe('streaming');
    expect(virtualTableOf('SELECT * FROM system.local')).toBeNull();
  });

  it('says plainly which release a read needs, naming the node and what it runs', () => {
    const snapshots = 'SELECT name FROM system_views.snapshots';
    expect(unsupportedReason(snapshots, '4.1.10', '127.0.0.41')).toBe(
      'system_views.snapshots needs Cassandra 5.0 or newer; 127.0.0.41 runs 4.1.10',
    );
    expect(unsupportedReason('SELECT * FROM system_views.streaming', '4.0.19', '127.0.0.46')).toBe(
      'system_views.streaming needs Cassandra 4.1 or newer; 127.0.0.46 runs 4.0.19',
    );
    expect(unsupportedReason(snapshots, '5.0.9', '127.0.0.1')).toBeNull();
    expect(unsupportedReason('SELECT * FROM system.local', '4.0.19', '127.0.0.46')).toBeNull();
  });

  it('in a mixed-version cluster, decides node by node', () => {
    const statement = 'SELECT operation FROM system_views.streaming';
    const nodes = [
      { address: '127.0.0.1', release: '5.0.9' },
      { address: '127.0.0.2', release: '4.1.10' },
      { address: '127.0.0.3', release: '4.0.19' },
    ];
    expect(nodes.map((n) => unsupportedReason(statement, n.release, n.address))).toEqual([
      null,
      null,
      'system_views.streaming needs Cassandra 4.1 or newer; 127.0.0.3 runs 4.0.19',
    ]);
  });

  it("offers each release's MBean details (as javap lists them for cassandra-all 4.0.19, 4.1.10, 5.0.9)", () => {
    const [v40, v41, v50] = ['4.0.19', '4.1.10', '5.0.9'].map(strategyFor);
    expect([v40, v41, v50].map((s) => s!.mbeans.streamThroughput.attribute)).toEqual([
      'StreamThroughputMbPerSec',
      'StreamThroughputMebibytesPerSec',
      'StreamThroughputMebibytesPerSec',
    ]);
    expect(v40!.mbeans.streamThroughput.unit).toBe('Mbit/s');
    expect(mebibytesToMegabits(25)).toBe(210);
    expect([v40, v41, v50].map((s) => s!.mbeans.clearSnapshot.startsWith('clearSnapshot(java.util.Map'))).toEqual([
      false,
      false,
      true,
    ]);
    expect([v40, v41, v50].map((s) => s!.has('snapshot-ttl'))).toEqual([false, true, true]);
    expect([v40, v41, v50].map((s) => s!.has('paxos-repair'))).toEqual([false, true, true]);
    expect([v40, v41, v50].map((s) => s!.has('clearsnapshot-older-than'))).toEqual([false, false, true]);
    expect(featureMissingReason(v40!, 'paxos-repair', '127.0.0.46')).toBe(
      'Paxos repair (repairPaxos) needs Cassandra 4.1 or newer; 127.0.0.46 runs 4.0.19',
    );
    expect(featureMissingReason(v50!, 'paxos-repair', '127.0.0.1')).toBeNull();
  });
});
