'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useRefetchOnSchemaChange } from '@/components/live/use-schema-version';
import { LocateKey } from '@/components/replication/locate-key';
import { TableMetrics } from '@/components/metrics/table-metrics';
import { ErrorBox } from '@/components/ui/error-box';
import { TableSchema } from './table-schema';
import { useTableDescription } from './use-schema';

export function TableView({ keyspace, table }: { keyspace: string; table: string }) {
  const { clusterId } = useLiveCluster();
  const description = useTableDescription(clusterId, keyspace, table);
  useRefetchOnSchemaChange(description.refetch);
  if (description.isError)
    return <ErrorBox title={`Cannot describe ${keyspace}.${table}:`} error={description.error} testId="table-error" />;
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
