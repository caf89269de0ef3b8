import 'server-only';
/**
 * Starting a repair run: the keyspace checked (exists; at least two replicas in all, or there is
 * nothing to compare; no other active run over it), the ring cut into segments, and the exact options map of each
 * segment shown before anything runs (preview). The run itself is a job (kind 'repair').
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InvalidInputError } from '../cluster/errors';
import { driverFor, clusterConfig } from '../cluster/registry';
import { terminateAllRepairs } from '../cluster/repair-calls';
import { nodeStrategy } from '../cluster/versions/node-strategy';
import { rowReader, textMap } from '../cluster/rows';
import { ringView } from '../ring/ring';
import { getStore } from '../store';
import { getJob, insertJob, jobsInStates, updateJob } from '../jobs/job-store';
import { log } from '../jobs/job-transitions';
import { jobRunner } from '../jobs/job-runner';
import { ACTIVE_STATES } from '../jobs/job-types';
import {
  describeRanges,
  planSegments,
  repairOptions,
  repairSettingsSchema,
  type RepairSettings,
  type Segment,
} from './repair-plan';

export class RepairInputError extends InvalidInputError {}

const replicationRow = rowReader('system_schema.keyspaces', z.object({ replication: textMap }));

export interface RepairPreview {
  settings: RepairSettings;
  segments: Segment[];
  /** The map the first segment gets; the others differ only in `ranges`. */
  options: Record<string, string>;
  replicationFactors: Record<string, number>;
  /** Each node's data centre. */
  dcOf: Record<string, string>;
}

export async function previewRepair(clusterId: string, input: unknown): Promise<RepairPreview> {
  const parsed = repairSettingsSchema.safeParse(input);
  if (!parsed.success) throw new RepairInputError(z.prettifyError(parsed.error));
  const settings = parsed.data;
  const client = await driverFor(clusterId);
  const rows = (
    await client.execute(
      'SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?',
      [settings.keyspace],
      {
        prepare: true,
      },
    )
  ).rows.map(replicationRow);
  if (rows.length === 0) throw new RepairInputError(`no keyspace "${settings.keyspace}" in cluster ${clusterId}`);
  const replication = rows[0]!.replication;
  const factors: Record<string, number> = {};
  if (replication.class?.endsWith('SimpleStrategy')) factors['(all)'] = Number(replication.replication_factor);
  else
    for (const [key, value] of Object.entries(replication))
      if (key !== 'class') factors[key] = Number(String(value).split('/')[0]);
  // Repair compares every replica of a range, across DCs: one copy in all leaves nothing to compare.
  const total = Object.values(factors).reduce((sum, rf) => sum + rf, 0);
  if (total < 2)
    throw new RepairInputError(
      `a repair of ${settings.keyspace} compares replicas, but ${Object.entries(factors)
        .map(([dc, rf]) => `${dc} has RF ${rf}`)
        .join(', ')} and no other data centre holds a copy: nothing to compare. Raise its replication factor first.`,
    );
  if (settings.tables.length) {
    const tables = new Set(
      (
        await client.execute(
          'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
          [settings.keyspace],
          {
            prepare: true,
          },
        )
      ).rows.map((r) => String(r.get('table_name'))),
    );
    const unknown = settings.tables.filter((t) => !tables.has(t));
    if (unknown.length)
      throw new RepairInputError(`no table ${unknown.map((t) => `${settings.keyspace}.${t}`).join(', ')}`);
  }
  const ring = await ringView(clusterId, settings.keyspace);
  const segments = planSegments(
    ring.ranges.map((r) => ({ start: r.start, end: r.end, replicas: r.replicas ?? [] })),
    settings.segmentsPerNode,
    ring.nodes.length,
  );
  if (segments.length === 0) throw new RepairInputError(`the ring of ${clusterId} has no ranges the console can see`);
  const dcOf = Object.fromEntries(ring.nodes.map((n) => [n.address, n.dc]));
  const first = segments[0]!;
  const options = repairOptions(settings, first, await nodeStrategy(clusterId, first.coordinator));
  return { settings, segments, options, replicationFactors: factors, dcOf };
}

export async function startRepair(
  clusterId: string,
  input: unknown,
  by: string | null,
): Promise<{ id: string; segments: number }> {
  const preview = await previewRepair(clusterId, input);
  const db = getStore();
  const clash = jobsInStates(db, ACTIVE_STATES).find(
    (j) => j.clusterId === clusterId && j.kind === 'repair' && j.target.keyspace === preview.settings.keyspace,
  );
  if (clash)
    throw new RepairInputError(
      `repair run ${clash.id} (${clash.state}) already covers ${preview.settings.keyspace}'s ranges: wait for it, or cancel it`,
    );
  const id = randomUUID();
  insertJob(db, {
    id,
    clusterId,
    kind: 'repair',
    target: { scope: 'cluster', keyspace: preview.settings.keyspace, tables: preview.settings.tables },
    params: { settings: preview.settings, segments: preview.segments },
    rolling: null,
    requestedBy: by,
    createdAt: Date.now(),
    steps: preview.segments.map((s) => ({
      seq: s.seq,
      node: s.coordinator,
      dc: preview.dcOf[s.coordinator] ?? null,
      rack: describeRanges(s.ranges),
      state: 'pending',
      startedAt: null,
      endedAt: null,
      message: null,
      progress: null,
    })),
  });
  jobRunner().launch(
    id,
    `repair of ${preview.settings.keyspace} in ${preview.segments.length} segments started by ${by ?? 'the console'}; options ${JSON.stringify(preview.options)}`,
  );
  return { id, segments: preview.segments.length };
}

/**
 * Cancels a run: no new segment starts, and the running ones are stopped with
 * forceTerminateAllRepairSessions on their coordinators — which, Cassandra 5.0 having no per-command
 * cancel, stops every other repair those nodes coordinate too. The answer says so.
 */
export async function cancelRepair(clusterId: string, id: string, by: string): Promise<{ message: string }> {
  const db = getStore();
  const job = getJob(db, id)!;
  updateJob(db, id, { requested: 'cancel' });
  log(db, id, `cancel asked by ${by}`);
  const coordinators = [...new Set(job.steps.filter((s) => s.state === 'running').map((s) => s.node))];
  for (const node of coordinators) await terminateAllRepairs(clusterConfig(clusterId), node);
  const message = coordinators.length
    ? `stopped every repair coordinated by ${coordinators.join(', ')} (forceTerminateAllRepairSessions: Cassandra 5.0 has no per-command cancel, so repairs started elsewhere on those nodes stop too)`
    : 'cancelled before the next segment';
  log(db, id, message);
  return { message };
}
