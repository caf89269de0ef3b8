import { KeyspaceView } from '@/components/schema/keyspace-view';

export default async function KeyspacePage({ params }: { params: Promise<{ keyspace: string }> }) {
  const { keyspace } = await params;
  return (
    <>
      <h3>Keyspace {keyspace}</h3>
      <KeyspaceView keyspace={keyspace} />
    </>
  );
}
