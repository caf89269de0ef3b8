import Link from 'next/link';

const SECTIONS = [
  ['', 'Nodes and ring'],
  ['/alerts', 'Alerts'],
  ['/metrics', 'Metrics'],
  ['/compaction', 'Compaction'],
  ['/activity', 'Activity'],
  ['/keyspaces', 'Keyspaces'],
  ['/query', 'Query'],
  ['/advisor', 'Advisor'],
  ['/gossip', 'Gossip'],
] as const;

/** The sections of a cluster, on every cluster page. */
export function ClusterNav({ clusterId, name }: { clusterId: string; name: string }) {
  return (
    <nav className="cluster-nav" data-testid="cluster-nav">
      <strong>{name}</strong>
      {SECTIONS.map(([path, label]) => (
        <Link
          key={path}
          href={`/clusters/${clusterId}${path}`}
          data-testid={`nav${path.replace('/', '-') || '-nodes'}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
