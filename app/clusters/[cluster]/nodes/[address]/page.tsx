import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GossipView } from '@/components/gossip/gossip-view';
import { LiveClusterProvider } from '@/components/live/live-cluster';
import { LiveStatus } from '@/components/live/live-status';
import { NodeFacts } from '@/components/nodes/node-facts';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

export default async function NodePage({ params }: { params: Promise<{ cluster: string; address: string }> }) {
  const { cluster: clusterId, address } = await params;
  const cluster = config().clusters.find((c) => c.id === clusterId);
  if (!cluster) notFound();
  return (
    <section data-testid={`cluster-${cluster.id}`} className="cluster">
      <h2>
        <Link href={`/clusters/${cluster.id}`}>{cluster.name ?? cluster.id}</Link> <span className="muted">· node {address}</span>
      </h2>
      <LiveClusterProvider clusterId={cluster.id}>
        <LiveStatus />
        <NodeFacts address={address} />
        <h3>Its gossip</h3>
        <GossipView observer={address} />
      </LiveClusterProvider>
    </section>
  );
}
