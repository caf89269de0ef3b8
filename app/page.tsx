import Link from 'next/link';
import { LiveClusterProvider } from '@/components/live/live-cluster';
import { LiveStatus } from '@/components/live/live-status';
import { LiveNodeTable } from '@/components/nodes/live-node-table';
import { config } from '@/server/config';

// The configuration is read when the server runs, never baked in at build time.
export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <>
      {config().clusters.map((cluster) => (
        <section key={cluster.id} data-testid={`cluster-${cluster.id}`} className="cluster">
          <h2>
            <Link href={`/clusters/${cluster.id}`}>{cluster.name ?? cluster.id}</Link>{' '}
            <span className="muted">
              {cluster.id} · contact points {cluster.contactPoints.join(', ')} · local DC {cluster.localDataCenter}
            </span>
          </h2>
          <LiveClusterProvider clusterId={cluster.id}>
            <LiveStatus />
            <LiveNodeTable />
          </LiveClusterProvider>
        </section>
      ))}
    </>
  );
}
