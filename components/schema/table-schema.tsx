'use client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

type Table = inferRouterOutputs<AppRouter>['schema']['table'];

const KIND_LABEL = { partition_key: 'partition key', clustering: 'clustering', static: 'static', regular: '' } as const;

/** A table's columns with their role, its options, indexes, views and CREATE statement. */
export function TableSchema({ table }: { table: Table }) {
  return (
    <div data-testid="table-schema">
      <p>
        Primary key:{' '}
        <code data-testid="primary-key">
          (({table.partitionKey.map((c) => c.name).join(', ')})
          {table.clustering.length ? `, ${table.clustering.map((c) => c.name).join(', ')}` : ''})
        </code>
        {table.isView ? <span className="muted"> · materialized view of {table.baseTable}</span> : null}
      </p>
      <table className="nodes">
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th>Role</th>
            <th>Order</th>
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c) => (
            <tr key={c.name} data-testid={`column-${c.name}`}>
              <td className="mono">{c.name}</td>
              <td className="mono" data-testid="column-type">
                {c.type}
              </td>
              <td data-testid="column-role">
                {KIND_LABEL[c.kind]}
                {c.kind === 'partition_key' || c.kind === 'clustering' ? ` #${c.position + 1}` : ''}
              </td>
              <td>{c.clusteringOrder ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Options</h3>
      <dl className="facts">
        <div>
          <dt>Compaction</dt>
          <dd className="mono">
            {Object.entries(table.options.compaction)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>Compression</dt>
          <dd className="mono">
            {Object.entries(table.options.compression)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>Default TTL</dt>
          <dd>{table.options.defaultTtl} s</dd>
        </div>
        <div>
          <dt>gc_grace_seconds</dt>
          <dd>{table.options.gcGraceSeconds} s</dd>
        </div>
      </dl>
      {table.indexes.length ? (
        <>
          <h3>Indexes</h3>
          <ul>
            {table.indexes.map((i) => (
              <li key={i.name} className="mono">
                {i.name} on {i.target} {i.className ? `(${i.className.split('.').pop()})` : '(legacy secondary index)'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {table.views.length ? (
        <>
          <h3>Materialized views</h3>
          <ul>
            {table.views.map((v) => (
              <li key={v.name} className="mono">
                {v.name} <span className="muted">where {v.whereClause}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>CREATE statement</h3>
      <pre className="statement" data-testid="create-statement">
        {table.createStatement}
      </pre>
    </div>
  );
}
