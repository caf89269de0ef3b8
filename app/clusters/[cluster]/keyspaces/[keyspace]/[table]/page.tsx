import Link from 'next/link';
import { TableView } from '@/components/schema/table-view';

export default async function TablePage({
  params,
}: {
  params: Promise<{ cluster: string; keyspace: string; table: string }>;
}) {
  const { cluster, keyspace, table } = await params;
  return (
    <>
      <h3>
        <Link href={`/clusters/${cluster}/keyspaces/${keyspace}`}>{keyspace}</Link>.{table}
      </h3>
      <TableView keyspace={keyspace} table={table} />
    </>
  );
}
