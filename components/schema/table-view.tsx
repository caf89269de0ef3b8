'use client';
import { useQuery } from '@tanstack/react-query';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useRefetchOnSchemaChange } from '@/components/live/use-schema-version';
import { LocateKey } from '@/components/replication/locate-key';
import { useTRPC } from '@/components/trpc/react';
import { TableMetrics } from '@/components/metrics/table-metrics';
import { TableSchema } from './table-schema';

export function TableView({ keyspace, table }: { keyspace: string; table: string }) {
  const trpc = useTRPC();
  const { clusterId } = useLiveCluster();
  const description = useQuery(trpc.schema.table.queryOptions({ clusterId, keyspace, table }));
  useRefetchOnSchemaChange(description.refetch);
  if (description.isError)
    return (
      <div role="alert" className="error">
        {description.error.message}
      </div>
    );
  if (!description.data)
    return (
      <p className="muted">
        Loading {keyspace}.{table}…
      </p>
    );
  return (
    <>
      <TableSchema table={description.data} />
      <h3>Where does a key live?</h3>
      <LocateKey keyspace={keyspace} table={table} partitionKey={description.data.partitionKey} />
      <h3>Metrics</h3>
      <TableMetrics keyspace={keyspace} table={table} />
    </>
  );
}
