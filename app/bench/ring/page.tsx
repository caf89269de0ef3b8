import { SyntheticRing } from '@/components/ring/synthetic-ring';

export const dynamic = 'force-dynamic';

/** The ring-render benchmark's page: a synthetic token map, never a real cluster. */
export default async function RingBenchPage({
  searchParams,
}: {
  searchParams: Promise<{ nodes?: string; vnodes?: string }>;
}) {
  const { nodes, vnodes } = await searchParams;
  const clamp = (raw: string | undefined, fallback: number, max: number) =>
    Math.min(Math.max(Number(raw) || fallback, 1), max);
  return <SyntheticRing nodeCount={clamp(nodes, 100, 5000)} vnodes={clamp(vnodes, 16, 512)} />;
}
