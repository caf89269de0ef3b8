'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useNodeAlertMarks } from '@/components/alerts/use-node-alert-marks';
import { useLiveCluster } from '@/components/live/live-cluster';
import { NodeTable } from './node-table';
import { paramsOfView, viewFromParams, type TableView } from './node-table-model';

/**
 * The node table fed by the page's live snapshot, with the console's alert marks beside each node's
 * status; its filter, sort, grouping and columns are kept in the URL, so a view can be linked to.
 */
export function LiveNodeTable({
  ownership,
  keyspace,
}: {
  ownership?: Record<string, number>;
  keyspace?: string | null;
}) {
  const { clusterId, snapshot } = useLiveCluster();
  const alertMarks = useNodeAlertMarks(clusterId);
  const [view, setView] = useUrlView();
  if (!snapshot) return <p data-testid="nodes-loading">Connecting to {clusterId}…</p>;
  if (snapshot.nodes.length === 0) return null;
  return (
    <NodeTable
      clusterId={clusterId}
      nodes={snapshot.nodes}
      ownership={ownership}
      keyspace={keyspace}
      alertMarks={alertMarks}
      view={view}
      onViewChange={setView}
    />
  );
}

/**
 * The view read from the URL once, then kept here and written back with history.replaceState (which
 * Next.js follows without a server round trip): typing in the filter stays instant.
 */
export function useUrlView(): [TableView, (view: TableView) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [view, setView] = useState(() => viewFromParams(searchParams));
  const change = (next: TableView) => {
    setView(next);
    const query = paramsOfView(next, window.location.search).toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  };
  return [view, change];
}
