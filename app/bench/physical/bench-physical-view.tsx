'use client';
/**
 * The physical view fed synthetic nodes, rendered in the browser only, as on the live page (whose
 * snapshot arrives over SSE after hydration): `physical-data-ready` when the nodes are handed to it,
 * `physical-painted` after the frame that lays out and paints its tiles.
 */
import { useEffect, useMemo } from 'react';
import { useInBrowser } from '../nodes/bench-node-table';
import { PhysicalView } from '@/components/physical/physical-view';
import type { NodeRow } from '@/server/nodes/merge-nodes';

export function BenchPhysicalView({ nodes }: { nodes: NodeRow[] }) {
  const inBrowser = useInBrowser();
  const shown = useMemo(() => {
    if (!inBrowser) return null;
    performance.mark('physical-data-ready');
    return nodes;
  }, [inBrowser, nodes]);
  useEffect(() => {
    if (shown) requestAnimationFrame(() => setTimeout(() => performance.mark('physical-painted'), 0));
  }, [shown]);
  if (!shown) return <p data-testid="physical-loading">Building {nodes.length} synthetic nodes…</p>;
  return (
    <section data-testid="bench-physical">
      <h2>Synthetic cluster: {shown.length} nodes built from recorded answers</h2>
      <PhysicalView clusterId="bench" nodes={shown} measure="status" />
    </section>
  );
}
