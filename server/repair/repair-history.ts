import 'server-only';
/**
 * The repair runs that count for gc_grace_seconds, read from the jobs store (the `jobs` and
 * `job_steps` tables of server/jobs/job-store.ts, read only here): a cluster's repair runs that
 * succeeded with every segment repaired, each with when its first segment started. One aggregate
 * query, so a long history does not mean reading every segment of every run.
 */
import { z } from 'zod';
import type { Store } from '../store/database';
import type { FullRepairRun } from './gc-grace';

const targetSchema = z.object({ keyspace: z.string().nullable(), tables: z.array(z.string()).default([]) });
const targetJson = z.string().transform((text, ctx) => {
  try {
    return targetSchema.parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a job target' });
    return z.NEVER;
  }
});

const runRow = z.object({
  id: z.string(),
  target: targetJson,
  incremental: z.union([z.number(), z.null()]),
  requested_by: z.string().nullable(),
  created_at: z.number().int(),
  started_at: z.number().int().nullable(),
  finished_at: z.number().int().nullable(),
  steps: z.number().int(),
  succeeded: z.number().int().nullable(),
  first_start: z.number().int().nullable(),
});

/**
 * A row that fails the check (damaged, or written by another console version) is left out: that run
 * is not counted, so its tables can only look less repaired than they are, never more.
 */
export function fullRepairRuns(db: Store, clusterId: string): FullRepairRun[] {
  const rows = (
    db
      .prepare(
        `SELECT j.id, j.target, CASE WHEN json_valid(j.params) THEN json_extract(j.params, '$.settings.incremental') END AS incremental, j.requested_by,
                j.created_at, j.started_at, j.finished_at, COUNT(s.seq) AS steps,
                SUM(CASE WHEN s.state = 'succeeded' THEN 1 ELSE 0 END) AS succeeded, MIN(s.started_at) AS first_start
           FROM jobs j LEFT JOIN job_steps s ON s.job_id = j.id
          WHERE j.cluster = ? AND j.kind = 'repair' AND j.state = 'succeeded'
          GROUP BY j.id`,
      )
      .all(clusterId) as unknown[]
  ).flatMap((row) => {
    const parsed = runRow.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
  return rows
    .filter((r) => r.target.keyspace !== null && r.steps > 0 && r.succeeded === r.steps)
    .map((r) => ({
      id: r.id,
      keyspace: r.target.keyspace!,
      tables: r.target.tables,
      incremental: r.incremental === 1,
      repairedAsOf: r.first_start ?? r.started_at ?? r.created_at,
      finishedAt: r.finished_at,
      requestedBy: r.requested_by,
    }));
}
