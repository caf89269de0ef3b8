import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ClusterNav } from '@/components/cluster/cluster-nav';
import { LiveClusterProvider } from '@/components/live/live-cluster';
import { LiveStatus } from '@/components/live/live-status';
import { roleOnClusterOrNotFound } from '@/server/auth/page-guard';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

/** Every cluster page: its sections, and one live subscription shared by everything on the page. */
export default async function ClusterLayout({
  params,
  children,
}: {
  params: Promise<{ cluster: string }>;
  children: ReactNode;
}) {
  const { cluster: clusterId } = await params;
  await roleOnClusterOrNotFound(clusterId);
  const cluster = config().clusters.find((c) => c.id === clusterId);
  if (!cluster) notFound();
  return (
    <section data-testid={`cluster-${cluster.id}`} className="cluster">
      <ClusterNav clusterId={cluster.id} name={cluster.name ?? cluster.id} />
      <LiveClusterProvider clusterId={cluster.id}>
        <LiveStatus />
        {children}
      </LiveClusterProvider>
    </section>
  );
}
