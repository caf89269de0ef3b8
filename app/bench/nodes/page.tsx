import { benchNodes, NO_BENCH_NODES } from '../bench-nodes';
import { BenchNodeTable } from './bench-node-table';

export const dynamic = 'force-dynamic';

/** The ui-scale benchmark's node table: the real table over synthetic nodes, never a real cluster. */
export default async function NodesBenchPage({ searchParams }: { searchParams: Promise<{ nodes?: string }> }) {
  const nodes = benchNodes((await searchParams).nodes);
  if (!nodes) return <p data-testid="bench-no-nodes">{NO_BENCH_NODES}</p>;
  return <BenchNodeTable nodes={nodes} />;
}
