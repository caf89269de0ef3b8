import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { syntheticNodes } from '@/testing/synthetic-nodes';
import { PhysicalView } from './physical-view';

const push = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

describe('PhysicalView', () => {
  it('paints 1,000 nodes as tiles per DC and rack, each a link with its status in words', () => {
    const nodes = syntheticNodes({ nodes: 1000 });
    const started = performance.now();
    render(<PhysicalView clusterId="big" nodes={nodes} measure="status" />);
    console.log(`physical view: 1,000 tiles rendered in ${(performance.now() - started).toFixed(0)} ms (jsdom)`);
    expect(screen.getAllByTestId(/^tile-\d/)).toHaveLength(1000);
    expect(screen.getAllByTestId(/^physical-dc-dc\d$/)).toHaveLength(4);
    const dc1 = nodes.filter((n) => n.dc === 'dc1');
    expect(within(screen.getByTestId('physical-dc-dc1')).getByTestId('physical-dc-count').textContent).toBe(
      `(${dc1.filter((n) => n.status === 'Up').length}/${dc1.length} up)`,
    );
    const rack = within(screen.getByTestId('physical-rack-dc2-rack3'));
    expect(rack.getAllByTestId(/^tile-\d/)).toHaveLength(
      nodes.filter((n) => n.dc === 'dc2' && n.rack === 'rack3').length,
    );
    const down = nodes.find((n) => n.status === 'Down')!;
    const tile = screen.getByTestId(`tile-${down.address}`);
    expect(tile.getAttribute('href')).toBe(`/clusters/big/nodes/${down.address}`);
    expect(tile.getAttribute('data-status')).toBe('Down');
    expect(within(tile).getByTestId('tile-value').textContent).toBe('Down');
    expect(tile.getAttribute('title')).toBe(`${down.address} (${down.dc} / ${down.rack}) — Down, Normal`);
    expect(within(screen.getByTestId('physical-legend')).getByText('Down')).not.toBeNull();
  });

  it('colours by a metric with its value on each tile, a dash where there is none, and routes a click', () => {
    const nodes = syntheticNodes({ nodes: 3 });
    const [a, b, c] = nodes.map((n) => n.address);
    render(<PhysicalView clusterId="demo" nodes={nodes} measure="p99" metric={{ [a!]: 2_000, [b!]: 250_000 }} />);
    expect(within(screen.getByTestId(`tile-${a}`)).getByTestId('tile-value').textContent).toBe('2 ms');
    expect(screen.getByTestId(`tile-${a}`).getAttribute('data-bucket')).toBe('0');
    expect(screen.getByTestId(`tile-${b}`).getAttribute('data-bucket')).toBe('3');
    expect(screen.getByTestId(`tile-${b}`).getAttribute('title')).toContain('Read p99 (coordinator): 250 ms');
    expect(screen.getByTestId(`tile-${c}`).getAttribute('data-bucket')).toBe('none');
    expect(within(screen.getByTestId(`tile-${c}`)).getByTestId('tile-value').textContent).toBe('—');
    expect(within(screen.getByTestId('physical-legend')).getByText('≥ 500 ms')).not.toBeNull();

    fireEvent.click(screen.getByTestId(`tile-${b}`));
    expect(push).toHaveBeenCalledWith(`/clusters/demo/nodes/${b}`);
    push.mockClear();
    // A modified click is the browser's (a new tab), not the router's.
    fireEvent.click(screen.getByTestId(`tile-${b}`), { ctrlKey: true });
    expect(push).not.toHaveBeenCalled();
  });
});
