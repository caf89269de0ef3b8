/** The events between two snapshots: a node going down or coming up, the schema changing. Pure. */
import type { ClusterEvent } from '../store/events';
import type { ClusterSnapshot } from './snapshot';

export function topologyEvents(
  previous: ClusterSnapshot | undefined,
  current: ClusterSnapshot,
  ts: number,
): ClusterEvent[] {
  if (!previous) return [];
  const events: ClusterEvent[] = [];
  for (const node of current.nodes) {
    const before = previous.nodes.find((n) => n.address === node.address);
    if (!before || before.status === node.status || node.status === 'Unknown' || before.status === 'Unknown') continue;
    events.push({
      ts,
      kind: node.status === 'Down' ? 'node-down' : 'node-up',
      node: node.address,
      detail:
        node.status === 'Down' ? `${node.address} down (${node.downReason ?? 'unknown reason'})` : `${node.address} up`,
    });
  }
  const versions = (s: ClusterSnapshot) =>
    s.schemaVersions
      .map((v) => v.version)
      .sort()
      .join(',');
  if (versions(previous) && versions(current) && versions(previous) !== versions(current)) {
    events.push({
      ts,
      kind: 'schema-change',
      node: null,
      detail: `schema versions now ${current.schemaVersions.map((v) => v.version.slice(0, 8)).join(', ')}`,
    });
  }
  return events;
}
