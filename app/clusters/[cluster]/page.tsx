import { notFound } from 'next/navigation';
import { NodeTable } from '@/components/nodes/node-table';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster: clusterId } = await params;
  const cluster = config().clusters.find((c) => c.id === clusterId);
  if (!cluster) notFound();
  return (
    <section data-testid={`cluster-${cluster.id}`} className="cluster">
      <h2>{cluster.name ?? cluster.id}</h2>
      <NodeTable clusterId={cluster.id} refreshMs={cluster.pollIntervalMs} />
    </section>
  );
}
