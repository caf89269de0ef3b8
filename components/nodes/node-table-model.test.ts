import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/server/nodes/merge-nodes';
import {
  DEFAULT_VIEW,
  groupItems,
  matchesText,
  paramsOfView,
  shownNodes,
  viewFromParams,
  type Item,
  type TableView,
} from './node-table-model';

function node(address: string, change: Partial<NodeRow> = {}): NodeRow {
  return {
    hostId: `host-${address}`,
    address,
    endpoint: `${address}:7000`,
    dc: 'dc1',
    rack: 'rack1',
    status: 'Up',
    seenDownBy: [],
    downReason: null,
    state: 'Normal',
    loadBytes: 1024,
    tokenCount: 16,
    releaseVersion: '5.0.4',
    schemaVersion: 'abcdef0123456789',
    operationMode: 'NORMAL',
    uptimeMs: 90_000,
    heapUsedBytes: 512,
    heapMaxBytes: 1024,
    jolokiaError: null,
    ...change,
  };
}

const NODES = [
  node('127.0.0.10', { loadBytes: 3000, rack: 'rack2' }),
  node('127.0.0.2', { loadBytes: 5000 }),
  node('127.0.0.3', { dc: 'dc2', status: 'Down', loadBytes: null, hostId: 'cafe-3' }),
  node('127.0.0.4', { dc: 'dc2', rack: 'r-b', loadBytes: 5000 }),
];
const view = (change: Partial<TableView>): TableView => ({ ...DEFAULT_VIEW, ...change });
const addresses = (nodes: NodeRow[]) => nodes.map((n) => n.address);
const lines = (items: Item<NodeRow>[]) =>
  items.map((i) =>
    i.kind === 'group' ? `${i.level}:${i.id} ${i.up}/${i.total}${i.collapsed ? ' +' : ''}` : i.row.address,
  );

describe('filter and sort', () => {
  it('orders addresses numerically, and any column both ways with ties broken by address', () => {
    expect(addresses(shownNodes(NODES, DEFAULT_VIEW))).toEqual(['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.10']);
    // A node with no load (null) sorts first ascending; 5000 twice: .2 before .4 either way round.
    expect(addresses(shownNodes(NODES, view({ sort: 'load' })))).toEqual([
      '127.0.0.3',
      '127.0.0.10',
      '127.0.0.2',
      '127.0.0.4',
    ]);
    expect(addresses(shownNodes(NODES, view({ sort: 'load', descending: true })))).toEqual([
      '127.0.0.4',
      '127.0.0.2',
      '127.0.0.10',
      '127.0.0.3',
    ]);
    expect(addresses(shownNodes(NODES, view({ sort: 'owns' }), { '127.0.0.4': 0.1, '127.0.0.2': 0.9 }))[3]).toBe(
      '127.0.0.2',
    );
  });

  it('matches text in the address, host id, DC and rack, not elsewhere; and by status', () => {
    expect(matchesText(NODES[2]!, 'CAFE')).toBe(true);
    expect(matchesText(NODES[0]!, 'rack2')).toBe(true);
    expect(matchesText(NODES[0]!, '5.0.4')).toBe(false);
    expect(addresses(shownNodes(NODES, view({ text: ' dc2 ' })))).toEqual(['127.0.0.3', '127.0.0.4']);
    expect(addresses(shownNodes(NODES, view({ text: '.1' })))).toEqual(['127.0.0.10']);
    expect(addresses(shownNodes(NODES, view({ status: 'Down' })))).toEqual(['127.0.0.3']);
    expect(addresses(shownNodes(NODES, view({ status: 'Up', text: 'dc2' })))).toEqual(['127.0.0.4']);
  });
});

describe('grouping', () => {
  it('puts a header with up/total over each DC, DCs in name order, rows in the given order', () => {
    const sorted = shownNodes(NODES, view({ sort: 'load', descending: true }));
    expect(lines(groupItems(sorted, (n) => n, 'dc'))).toEqual([
      'dc:dc1 2/2',
      '127.0.0.2',
      '127.0.0.10',
      'dc:dc2 1/2',
      '127.0.0.4',
      '127.0.0.3',
    ]);
  });

  it('groups by DC then rack, and a collapsed group keeps its header and counts only', () => {
    const sorted = shownNodes(NODES, DEFAULT_VIEW);
    expect(lines(groupItems(sorted, (n) => n, 'rack'))).toEqual([
      'dc:dc1 2/2',
      'rack:dc1/rack1 1/1',
      '127.0.0.2',
      'rack:dc1/rack2 1/1',
      '127.0.0.10',
      'dc:dc2 1/2',
      'rack:dc2/r-b 1/1',
      '127.0.0.4',
      'rack:dc2/rack1 0/1',
      '127.0.0.3',
    ]);
    expect(lines(groupItems(sorted, (n) => n, 'rack', new Set(['dc1', 'dc2/rack1'])))).toEqual([
      'dc:dc1 2/2 +',
      'dc:dc2 1/2',
      'rack:dc2/r-b 1/1',
      '127.0.0.4',
      'rack:dc2/rack1 0/1 +',
    ]);
    expect(lines(groupItems(sorted, (n) => n, 'none'))).toEqual(addresses(sorted));
  });

  it('names nodes without a DC or rack', () => {
    expect(lines(groupItems([node('1.1.1.1', { dc: null, rack: null })], (n) => n, 'rack'))).toEqual([
      'dc:unknown DC 1/1',
      'rack:unknown DC/unknown rack 1/1',
      '1.1.1.1',
    ]);
  });
});

describe('the view in the URL', () => {
  it('leaves defaults out, keeps other parameters, and reads back what it wrote', () => {
    expect(paramsOfView(DEFAULT_VIEW, 'keyspace=ks').toString()).toBe('keyspace=ks');
    const chosen = view({
      text: '10.1',
      status: 'Down',
      sort: 'heap',
      descending: true,
      grouping: 'rack',
      columns: ['address', 'status', 'heap'],
    });
    const params = paramsOfView(chosen, '?q=old&other=1');
    expect(params.toString()).toBe(
      'q=10.1&other=1&status=Down&sort=heap&desc=1&group=rack&cols=address%2Cstatus%2Cheap',
    );
    expect(viewFromParams(params)).toEqual(chosen);
  });

  it('falls back to the default for what it does not know, and always shows the address', () => {
    const read = viewFromParams(new URLSearchParams('status=Sideways&sort=nonsense&group=planet&cols=heap,bogus'));
    expect(read).toEqual({ ...DEFAULT_VIEW, columns: ['address', 'heap'] });
    expect(viewFromParams(new URLSearchParams('')).columns).not.toContain('dc');
  });
});
