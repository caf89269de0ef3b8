import { KeyspaceList } from '@/components/replication/keyspace-list';

export default function KeyspacesPage() {
  return (
    <>
      <h3>Keyspaces and their replication</h3>
      <KeyspaceList />
    </>
  );
}
