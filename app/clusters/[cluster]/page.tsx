import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClusterOverview } from '@/components/cluster/cluster-overview';
import { LiveClusterProvider } from '@/components/live/live-cluster';
import { LiveStatus } from '@/components/live/live-status';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: clusterId } = await params;
  const cluster = config().clusters.find((c) => c.id === clusterId);
  if (!cluster) notFound();
  return (
    <section data-testid={`cluster-${cluster.id}`} className="cluster">
      <h2>
        {cluster.name ?? cluster.id} <span className="muted">· </span>
        <Link href={`/clusters/${cluster.id}/gossip`} data-testid="gossip-link">
          gossip and disagreement
        </Link>
      </h2>
      <LiveClusterProvider clusterId={cluster.id}>
        <LiveStatus />
        <ClusterOverview />
      </LiveClusterProvider>
    </section>
  );
}
