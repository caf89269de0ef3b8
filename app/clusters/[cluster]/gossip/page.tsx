import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DisagreementView } from '@/components/gossip/disagreement-view';
import { GossipExplorer } from '@/components/gossip/gossip-explorer';
import { LiveClusterProvider } from '@/components/live/live-cluster';
import { LiveStatus } from '@/components/live/live-status';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

export default async function GossipPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: clusterId } = await params;
  const cluster = config().clusters.find((c) => c.id === clusterId);
  if (!cluster) notFound();
  return (
    <section data-testid={`cluster-${cluster.id}`} className="cluster">
      <h2>
        <Link href={`/clusters/${cluster.id}`}>{cluster.name ?? cluster.id}</Link> <span className="muted">· gossip</span>
      </h2>
      <LiveClusterProvider clusterId={cluster.id}>
        <LiveStatus />
        <h3>What each node believes about each peer</h3>
        <DisagreementView />
        <h3>Gossip state</h3>
        <GossipExplorer />
      </LiveClusterProvider>
    </section>
  );
}
