/**
 * Loads Jolokia answers recorded from the real local cluster (scripts/record-node-views.ts) as
 * node views, for unit tests of the logic that reads them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JolokiaError, type JolokiaFailure } from '@/server/cluster/errors';
import type { JolokiaResult } from '@/server/cluster/jolokia';
import { parseNodeView, type NodeViewResult } from '@/server/nodes/node-view';

interface Recording {
  answers: { address: string; results?: JolokiaResult[]; error?: string; failure?: JolokiaFailure }[];
}

/** The path of a recorded answer under testing/recorded/. */
export function recordedPath(name: string): string {
  return join(import.meta.dirname, 'recorded', name);
}

export function recordedViews(label: string): NodeViewResult[] {
  const recording = JSON.parse(readFileSync(recordedPath(`${label}.json`), 'utf8')) as Recording;
  return recording.answers.map((a) => {
    const target = { node: a.address, url: `http://${a.address}:8778/jolokia/`, timeoutMs: 3000 };
    return a.results
      ? { address: a.address, view: parseNodeView(target, a.results) }
      : { address: a.address, error: new JolokiaError(a.address, target.url, a.failure ?? 'refused', a.error ?? '') };
  });
}
