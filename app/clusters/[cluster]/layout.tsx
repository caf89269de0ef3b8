import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { LiveClusterProvider } from '@/components/live/live-cluster';
import { LiveStatus } from '@/components/live/live-status';
import { roleOnClusterOrNotFound } from '@/server/auth/page-guard';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

/** Every cluster page: its name, and one live subscription shared by everything on the page (the sections are in the sidebar). */
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
      <LiveClusterProvider clusterId={cluster.id}>
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h1 className="mb-1">{cluster.name ?? cluster.id}</h1>
          <LiveStatus />
        </div>
        {children}
      </LiveClusterProvider>
    </section>
  );
}
