import { describe, expect, it } from 'vitest';
import { JolokiaError } from '../cluster/errors';
import type { NodeViewResult } from './node-view';
import { mergeNodes, parseLoad, type DriverHost } from './merge-nodes';
import { recordedViews } from '@/testing/recorded-views';

const recorded = recordedViews;

const HOST_IDS: Record<string, string> = {
  '127.0.0.1': 'e0b76021-63ee-4fdd-aecb-7b11b6558a5a',
  '127.0.0.2': 'd7363419-b3fd-4315-bf1b-b898eb69c2a3',
  '127.0.0.3': 'b217745c-fe28-4faf-bc50-e9923ac39b1c',
};

function hosts(up: Record<string, boolean> = {}): DriverHost[] {
  return Object.entries(HOST_IDS).map(([address, hostId]) => ({
    address,
    hostId,
    dc: address === '127.0.0.3' ? 'dc2' : 'dc1',
    rack: 'rack1',
    up: up[address] ?? true,
    releaseVersion: '5.0.9',
    tokenCount: 16,
  }));
}

describe('mergeNodes', () => {
  it('lists every node Up and Normal when all three answer', () => {
    const rows = mergeNodes(hosts(), recorded('three-up'));
    expect(rows.map((r) => [r.dc, r.address, r.status, r.state])).toEqual([
      ['dc1', '127.0.0.1', 'Up', 'Normal'],
      ['dc1', '127.0.0.2', 'Up', 'Normal'],
      ['dc2', '127.0.0.3', 'Up', 'Normal'],
    ]);
    expect(rows.every((r) => r.jolokiaError === null && r.loadBytes! > 0 && r.releaseVersion === '5.0.9')).toBe(true);
    expect(rows[0]?.endpoint).toBe('127.0.0.1:7000');
  });

  it('shows a killed node Down, names who sees it down and why its own view is missing', () => {
    // The driver has not noticed yet: the peers' gossip decides, as nodetool status does.
    const results = recorded('node3-killed');
    const rows = mergeNodes(hosts(), results);
    const node3 = rows.find((r) => r.address === '127.0.0.3')!;
    expect(node3.status).toBe('Down');
    expect(node3.seenDownBy).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(node3.jolokiaError).toMatch(/node 127\.0\.0\.3: Jolokia refused connection/);
    const seenByNode1 = results.find((r) => r.address === '127.0.0.1');
    expect(node3.loadBytes).toBe(
      parseLoad(seenByNode1 && 'view' in seenByNode1 ? (seenByNode1.view.loadByEndpoint['127.0.0.3:7000'] ?? '') : ''),
    );
    expect(node3.downReason).toBe('gossip');
    expect(rows.filter((r) => r.status === 'Up').map((r) => r.address)).toEqual(['127.0.0.1', '127.0.0.2']);
  });

  it('calls a node Down at once when nothing listens on its ports, before gossip convicts it', () => {
    const results = recorded('three-up').map((r) =>
      r.address === '127.0.0.3'
        ? {
            address: r.address,
            error: new JolokiaError(
              r.address,
              'http://127.0.0.3:8778/jolokia/',
              'refused',
              'Jolokia refused connection',
            ),
          }
        : r,
    );
    const rows = mergeNodes(hosts(), results, new Set(['127.0.0.3']));
    expect(rows.map((r) => [r.address, r.status, r.downReason])).toEqual([
      ['127.0.0.1', 'Up', null],
      ['127.0.0.2', 'Up', null],
      ['127.0.0.3', 'Down', 'not-listening'],
    ]);
    expect(rows[2]?.seenDownBy).toEqual([]);
  });

  it('falls back to the driver when no node answers over Jolokia', () => {
    const failures: NodeViewResult[] = Object.keys(HOST_IDS).map((address) => ({
      address,
      error: new JolokiaError(address, 'http://x', 'refused', 'Jolokia refused connection'),
    }));
    const rows = mergeNodes(hosts({ '127.0.0.2': false }), failures);
    expect(rows.map((r) => r.status)).toEqual(['Up', 'Down', 'Up']);
    expect(rows.map((r) => r.state)).toEqual(['Unknown', 'Unknown', 'Unknown']);
    expect(rows.every((r) => r.jolokiaError?.includes('refused'))).toBe(true);
  });

  it('lists a node that gossip knows but the driver does not yet', () => {
    const rows = mergeNodes(hosts().slice(0, 2), recorded('three-up'));
    expect(rows.map((r) => r.address)).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    expect(rows[2]).toMatchObject({ dc: 'dc2', status: 'Up', hostId: HOST_IDS['127.0.0.3'] });
  });
});

describe('parseLoad', () => {
  it('reads the units Cassandra prints', () => {
    expect(parseLoad('0 bytes')).toBe(0);
    expect(parseLoad('1.5 KiB')).toBe(1536);
    expect(parseLoad('2 GiB')).toBe(2 * 1024 ** 3);
    expect(parseLoad('n/a')).toBeNull();
  });
});
