/**
 * Running compactions as CompactionManager.Compactions reports them (a list of string maps per
 * node), with progress, rate and ETA worked out between two polls. Pure.
 */
import { z } from 'zod';

const compactionSchema = z.object({
  compactionId: z.string().optional(),
  id: z.string().optional(),
  keyspace: z.string().optional(),
  columnfamily: z.string().optional(),
  completed: z.string(),
  total: z.string(),
  unit: z.string(),
  taskType: z.string(),
});

export const compactionListSchema = z.array(compactionSchema);

export interface RunningCompaction {
  node: string;
  id: string;
  keyspace: string | null;
  table: string | null;
  kind: string;
  unit: string;
  completed: number;
  total: number;
  /** Units per second since the previous poll; null on the first sight. */
  rate: number | null;
  etaSeconds: number | null;
}

export function parseCompactions(node: string, raw: unknown): RunningCompaction[] {
  const parsed = compactionListSchema.safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data.map((c) => ({
    node,
    id: c.compactionId ?? c.id ?? `${c.keyspace}.${c.columnfamily}.${c.taskType}`,
    keyspace: c.keyspace ?? null,
    table: c.columnfamily ?? null,
    kind: c.taskType,
    unit: c.unit,
    completed: Number(c.completed),
    total: Number(c.total),
    rate: null,
    etaSeconds: null,
  }));
}

export function withProgress(
  current: RunningCompaction[],
  previous: { compactions: RunningCompaction[]; at: number } | undefined,
  at: number,
): RunningCompaction[] {
  if (!previous) return current;
  const seconds = (at - previous.at) / 1000;
  return current.map((c) => {
    const before = previous.compactions.find((p) => p.node === c.node && p.id === c.id);
    if (!before || seconds <= 0 || c.completed < before.completed) return c;
    const rate = (c.completed - before.completed) / seconds;
    return { ...c, rate, etaSeconds: rate > 0 ? Math.max(0, (c.total - c.completed) / rate) : null };
  });
}
