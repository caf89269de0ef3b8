'use client';
import { useNodeAlertMarks } from '@/components/alerts/use-node-alert-marks';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useUrlState } from '@/components/url/use-url-state';
import { NodeTable } from './node-table';
import { NODE_VIEW_PARAMS, type TableView } from './node-table-model';

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

/** The table's view, read from the URL once and written back on each change (useUrlState): typing in the filter stays instant. */
export function useUrlView(): [TableView, (view: TableView) => void] {
  return useUrlState(NODE_VIEW_PARAMS);
}
