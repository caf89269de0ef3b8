import Link from 'next/link';
import { LiveClusterProvider } from '@/components/live/live-cluster';
import { LiveStatus } from '@/components/live/live-status';
import { LiveNodeTable } from '@/components/nodes/live-node-table';
import { roleOn } from '@/lib/roles';
import { signedInOrLogin } from '@/server/auth/page-guard';
import { config } from '@/server/config';

// The configuration is read when the server runs, never baked in at build time.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const { grants } = await signedInOrLogin();
  const clusters = config().clusters.filter((c) => roleOn(grants, c.id) !== null);
  return (
    <>
      {clusters.length === 0 && (
        <p data-testid="no-clusters">You hold no role on any cluster yet: ask a console administrator to grant one.</p>
      )}
      {clusters.map((cluster) => (
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
