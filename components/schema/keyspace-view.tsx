'use client';
import Link from 'next/link';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useRefetchOnSchemaChange } from '@/components/live/use-schema-version';
import { ErrorBox } from '@/components/ui/error-box';
import { useKeyspaceDescription } from './use-schema';

export function KeyspaceView({ keyspace }: { keyspace: string }) {
  const { clusterId } = useLiveCluster();
  const description = useKeyspaceDescription(clusterId, keyspace);
  useRefetchOnSchemaChange(description.refetch);
  if (description.isError)
    return <ErrorBox title={`Cannot describe ${keyspace}:`} error={description.error} testId="keyspace-error" />;
  if (!description.data) return <p className="muted">Loading {keyspace}…</p>;
  const ks = description.data;
  return (
    <div data-testid="keyspace-view">
      <p>
        {ks.replication.strategy}:{' '}
        {Object.entries(ks.replication.factors)
          .map(([dc, rf]) => `${dc === '*' ? 'replication_factor' : dc} ${rf}`)
          .join(', ')}
        {ks.durableWrites ? '' : ' · durable_writes = false'}
      </p>
      <h3>Tables</h3>
      <ul data-testid="table-list">
        {ks.tables.map((t) => (
          <li key={t}>
            <Link href={`/clusters/${clusterId}/keyspaces/${keyspace}/${t}`} data-testid={`table-link-${t}`}>
              {t}
            </Link>
          </li>
        ))}
      </ul>
      {ks.views.length ? (
        <>
          <h3>Materialized views</h3>
          <ul>
            {ks.views.map((v) => (
              <li key={v}>
                <Link href={`/clusters/${clusterId}/keyspaces/${keyspace}/${v}`}>{v}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ks.types.length ? (
        <>
          <h3>Types</h3>
          <ul>
            {ks.types.map((t) => (
              <li key={t.name} className="mono">
                {t.name} ({t.fields.map((f) => `${f.name} ${f.type}`).join(', ')})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>CREATE statement</h3>
      <pre className="statement">{ks.createStatement}</pre>
    </div>
  );
}
