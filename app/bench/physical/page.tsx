import { benchNodes, NO_BENCH_NODES } from '../bench-nodes';
import { BenchPhysicalView } from './bench-physical-view';

export const dynamic = 'force-dynamic';

/** The ui-scale benchmark's physical view: the real view over synthetic nodes, never a real cluster. */
export default async function PhysicalBenchPage({ searchParams }: { searchParams: Promise<{ nodes?: string }> }) {
  const nodes = benchNodes((await searchParams).nodes);
  if (!nodes) return <p data-testid="bench-no-nodes">{NO_BENCH_NODES}</p>;
  return <BenchPhysicalView nodes={nodes} />;
}
