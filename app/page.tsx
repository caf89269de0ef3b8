import { NodeTable } from '@/components/nodes/node-table';
import { config } from '@/server/config';

// The configuration is read when the server runs, never baked in at build time.
export const dynamic = 'force-dynamic';

export default function HomePage() {
  const clusters = config().clusters;
  return (
    <>
      {clusters.map((cluster) => (
        <section key={cluster.id} data-testid={`cluster-${cluster.id}`} className="cluster">
          <h2>
            <a href={`/clusters/${cluster.id}`}>{cluster.name ?? cluster.id}</a>{' '}
            <span className="muted">
              {cluster.id} · contact points {cluster.contactPoints.join(', ')} · local DC {cluster.localDataCenter}
            </span>
          </h2>
          <NodeTable clusterId={cluster.id} refreshMs={cluster.pollIntervalMs} />
        </section>
      ))}
    </>
  );
}
