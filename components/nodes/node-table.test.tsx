import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NodeRow } from '@/server/nodes/merge-nodes';
import { NodeTable } from './node-table';

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
    heapUsedBytes: 512 * 1024 ** 2,
    heapMaxBytes: 1024 ** 3,
    jolokiaError: null,
    ...change,
  };
}

const NODES = [
  node('127.0.0.10', { loadBytes: 3 * 1024 ** 2 }),
  node('127.0.0.2', { loadBytes: 5 * 1024 ** 2 }),
  node('127.0.0.3', {
    dc: 'dc2',
    status: 'Down',
    downReason: 'gossip',
    seenDownBy: ['127.0.0.2', '127.0.0.10'],
    heapUsedBytes: null,
    jolokiaError: 'Jolokia refused connection',
  }),
];

/** The addresses of a DC's rows, in the order shown. */
const addresses = (dc: string) =>
  within(screen.getByTestId(`dc-${dc}`))
    .getAllByTestId('node-address')
    .map((cell) => cell.textContent);

/** The first element with a test id (getAllByTestId has already thrown if there is none). */
function firstByTestId(id: string): HTMLElement {
  const [first] = screen.getAllByTestId(id);
  if (!first) throw new Error(`no element with test id ${id}`);
  return first;
}

describe('NodeTable', () => {
  it('groups nodes by DC, counts who is up, and orders addresses numerically', () => {
    render(<NodeTable clusterId="demo" nodes={NODES} ownership={{ '127.0.0.2': 0.5 }} keyspace="ks" />);
    expect(screen.getByTestId('dc-dc1').querySelector('caption')).toHaveProperty(
      'textContent',
      'Datacenter: dc1 (2/2 up)',
    );
    expect(screen.getByTestId('dc-dc2').querySelector('caption')).toHaveProperty(
      'textContent',
      'Datacenter: dc2 (0/1 up)',
    );
    expect(addresses('dc1')).toEqual(['127.0.0.2', '127.0.0.10']);
    const row = within(screen.getByTestId('node-row-127.0.0.2'));
    expect(row.getByTestId('node-owns').textContent).toBe('50.0%');
    expect(row.getByTestId('node-load').textContent).toBe('5 MiB');
    expect(row.getByTestId('node-heap').textContent).toBe('512 MiB / 1 GiB');
    expect(row.getByRole('link', { name: '127.0.0.2' }).getAttribute('href')).toBe('/clusters/demo/nodes/127.0.0.2');
    expect(firstByTestId('sort-owns').textContent).toBe('Owns (ks)');
  });

  it('names a failure on its row, in a Problem column only where a node has one', () => {
    render(<NodeTable clusterId="demo" nodes={NODES} />);
    const down = within(screen.getByTestId('node-row-127.0.0.3'));
    expect(down.getByTestId('node-problem').textContent).toBe('Jolokia refused connection');
    expect(down.getByTestId('node-status').getAttribute('title')).toBe(
      'convicted by the failure detector of 127.0.0.2, 127.0.0.10',
    );
    // Down in words and with an icon, not by its colour alone.
    const badge = down.getByTestId('node-status').querySelector('[data-tone]');
    expect(badge?.getAttribute('data-tone')).toBe('bad');
    expect(badge?.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(down.getByTestId('node-heap').textContent).toBe('—');
    expect(within(screen.getByTestId('dc-dc2')).queryByText('Problem')).not.toBeNull();
    expect(within(screen.getByTestId('dc-dc1')).queryByText('Problem')).toBeNull();
  });

  it('sorts by a column, and the other way on a second click', async () => {
    const user = userEvent.setup();
    render(<NodeTable clusterId="demo" nodes={NODES} />);
    await user.click(firstByTestId('sort-load'));
    expect(addresses('dc1')).toEqual(['127.0.0.10', '127.0.0.2']);
    expect(firstByTestId('sort-load').textContent).toBe('Load ▲');
    await user.click(firstByTestId('sort-load'));
    expect(addresses('dc1')).toEqual(['127.0.0.2', '127.0.0.10']);
    expect(firstByTestId('sort-load').textContent).toBe('Load ▼');
  });

  it('filters by free text, and a DC with no match disappears', async () => {
    const user = userEvent.setup();
    render(<NodeTable clusterId="demo" nodes={NODES} />);
    await user.type(screen.getByTestId('node-filter'), 'down');
    expect(screen.queryByTestId('dc-dc1')).toBeNull();
    expect(addresses('dc2')).toEqual(['127.0.0.3']);
    await user.clear(screen.getByTestId('node-filter'));
    await user.type(screen.getByTestId('node-filter'), '.10');
    expect(addresses('dc1')).toEqual(['127.0.0.10']);
    expect(screen.queryByTestId('dc-dc2')).toBeNull();
  });

  it("marks a node with a firing alert and one that does not answer beside Cassandra's own status", () => {
    render(
      <NodeTable
        clusterId="demo"
        nodes={NODES}
        alertMarks={{
          alerting: new Set(['127.0.0.3']),
          notAnswering: new Map([['127.0.0.3', { reason: 'connection refused', since: Date.UTC(2024, 0, 2) }]]),
        }}
      />,
    );
    const down = within(screen.getByTestId('node-row-127.0.0.3'));
    expect(down.getByTestId('node-alert-127.0.0.3').textContent).toBe('alert');
    expect(down.getByTestId('node-alert-127.0.0.3').getAttribute('href')).toBe('/clusters/demo/alerts');
    expect(down.getByTestId('node-not-answering-127.0.0.3').textContent).toBe('not answering');
    expect(down.getByTestId('node-not-answering-127.0.0.3').getAttribute('title')).toContain('connection refused');
    // Cassandra's verdict stays as it is, in its own cell.
    expect(down.getByTestId('node-status').textContent).toBe('Down');
    // The column is there only where a node has a mark.
    expect(within(screen.getByTestId('dc-dc2')).queryByText('Alerts')).not.toBeNull();
    expect(within(screen.getByTestId('dc-dc1')).queryByText('Alerts')).toBeNull();
    expect(screen.queryByTestId('node-alert-127.0.0.2')).toBeNull();
  });
});
