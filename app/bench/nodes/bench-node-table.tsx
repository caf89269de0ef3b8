'use client';
/**
 * The node table as the live page shows it (view kept in the URL), fed synthetic nodes. Like the live
 * page, whose snapshot arrives over SSE after hydration, it renders the table in the browser only.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useUrlView } from '@/components/nodes/live-node-table';
import { NodeTable } from '@/components/nodes/node-table';
import type { NodeRow } from '@/server/nodes/merge-nodes';

export function BenchNodeTable({ nodes }: { nodes: NodeRow[] }) {
  const [view, setView] = useUrlView();
  const mounted = useInBrowser();
  useEffect(() => {
    if (mounted) requestAnimationFrame(() => setTimeout(() => performance.mark('nodes-painted'), 0));
  }, [mounted]);
  if (!mounted) return <p data-testid="nodes-loading">Building {nodes.length} synthetic nodes…</p>;
  return (
    <section data-testid="bench-nodes">
      <h2>Synthetic cluster: {nodes.length} nodes built from recorded answers</h2>
      <NodeTable clusterId="bench" nodes={nodes} view={view} onViewChange={setView} />
    </section>
  );
}

const noSubscription = () => () => undefined;

/** False while the server renders and React hydrates, true from the render after. */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
