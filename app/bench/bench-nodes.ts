import 'server-only';
/**
 * The synthetic nodes of the ui-scale benchmark's pages: `npm run bench -- ui-scale` builds them from
 * answers recorded from the real local cluster (testing/synthetic-nodes.ts, which app/ may not
 * import), writes them to a file and starts the console with RINGSIDE_BENCH_NODES naming it. Never a
 * real cluster's nodes; without the variable the pages say how to fill them.
 */
import { readFileSync } from 'node:fs';
import type { NodeRow } from '@/server/nodes/merge-nodes';

export function benchNodes(count: string | undefined): NodeRow[] | null {
  const file = process.env.RINGSIDE_BENCH_NODES;
  if (!file) return null;
  const all = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, 'utf8')) as NodeRow[];
  return all.slice(0, Math.min(Math.max(Number(count) || all.length, 1), all.length));
}

export const NO_BENCH_NODES =
  'No synthetic nodes: this page is filled by `npm run bench -- ui-scale` (RINGSIDE_BENCH_NODES names their file).';
