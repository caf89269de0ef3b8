import 'server-only';
/**
 * What is refused before a job is stored, so nothing runs on bad input: an unknown keyspace or table,
 * a keyspace the operation cannot take, a cleanup while a node is joining, a rolling job over nodes
 * another active job holds, a node or DC the cluster does not have, an option a node's release lacks.
 */
import { z } from 'zod';
import {
  OPERATION_PARAMS,
  OPERATION_TRAITS,
  unsupportedOperation,
  type OperationKind,
} from '../cluster/node-operations';
import { strategyFor } from '../cluster/versions/release-strategy';
import { InvalidInputError } from '../cluster/errors';
import { driverFor } from '../cluster/registry';
import { rowReader } from '../cluster/rows';
import { clusterPoller } from '../nodes/live';
import type { Store } from '../store/database';
import { overlapping, planSteps, PlanError } from './job-plan';
import { jobsInStates } from './job-store';
import { ACTIVE_STATES, type JobKind, type JobStep, type JobTarget, type Rolling } from './job-types';
import { describeJob } from '@/lib/job-words';

export class JobInputError extends InvalidInputError {}

const tableRow = rowReader('system_schema.tables', z.object({ table_name: z.string() }));
const keyspaceRow = rowReader('system_schema.keyspaces', z.object({ keyspace_name: z.string() }));

async function checkSchema(clusterId: string, target: JobTarget): Promise<void> {
  if (!target.keyspace) return;
  const client = await driverFor(clusterId);
  const keyspaces = (
    await client.execute(
      'SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?',
      [target.keyspace],
      {
        prepare: true,
      },
    )
  ).rows.map((r) => keyspaceRow(r).keyspace_name);
  if (keyspaces.length === 0) throw new JobInputError(`no keyspace "${target.keyspace}" in cluster ${clusterId}`);
  if (target.tables.length === 0) return;
  const tables = new Set(
    (
      await client.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [target.keyspace], {
        prepare: true,
      })
    ).rows.map((r) => tableRow(r).table_name),
  );
  const unknown = target.tables.filter((t) => !tables.has(t));
  if (unknown.length)
    throw new JobInputError(
      `no table ${unknown.map((t) => `${target.keyspace}.${t}`).join(', ')} (tables of ${target.keyspace}: ${[...tables].sort().join(', ') || 'none'})`,
    );
}

export interface CheckedJob {
  params: Record<string, unknown>;
  steps: Omit<JobStep, 'progress'>[];
}

/** Checks the whole request against the cluster as it is now; throws JobInputError saying why not. */
export async function checkJob(
  db: Store,
  clusterId: string,
  kind: JobKind,
  target: JobTarget,
  rawParams: unknown,
  rolling: Rolling | null,
): Promise<CheckedJob> {
  const traits = OPERATION_TRAITS[kind as OperationKind];
  const params = OPERATION_PARAMS[kind as OperationKind].safeParse(rawParams ?? {});
  if (!params.success) throw new JobInputError(`${traits.label}: ${z.prettifyError(params.error)}`);
  if (traits.keyspace === 'required' && !target.keyspace) throw new JobInputError(`${traits.label} needs a keyspace`);
  if (traits.keyspace === 'none' && (target.keyspace || target.tables.length))
    throw new JobInputError(`${traits.label} applies to the whole node: name no keyspace or table`);
  if (!target.keyspace && target.tables.length) throw new JobInputError('tables were named without their keyspace');
  if (target.scope === 'node' && !target.node) throw new JobInputError('a node job names its node');
  if (target.scope === 'dc' && !target.dc) throw new JobInputError('a data-centre job names its data centre');
  if (target.scope !== 'node' && !rolling)
    throw new JobInputError('an operation over a data centre or the cluster runs rolling: say how (rolling)');
  if (kind === 'cleanup' && target.keyspace && /^system(_|$)/.test(target.keyspace))
    throw new JobInputError(`cleanup of ${target.keyspace}: Cassandra refuses cleanup of its local system keyspaces`);

  await checkSchema(clusterId, target);
  const snapshot = (await clusterPoller(clusterId).fresh()).value;
  let steps: Omit<JobStep, 'progress'>[];
  try {
    steps = planSteps(target, snapshot.nodes);
  } catch (error) {
    if (error instanceof PlanError) throw new JobInputError(error.message);
    throw error;
  }
  if (kind === 'cleanup') {
    const moving = snapshot.nodes.filter((n) => n.state === 'Joining' || n.state === 'Leaving' || n.state === 'Moving');
    if (moving.length)
      throw new JobInputError(
        `cleanup refused: node ${moving.map((n) => `${n.address} is ${n.state}`).join(', ')} — ranges are still moving, ` +
          'and a cleanup now would delete data a node is about to own again. Run it once every node is Normal.',
      );
  }
  // Each node by its own release: in a mixed-version cluster the 4.0 nodes are the ones named.
  const unsupported = steps
    .map((s) => {
      const release = snapshot.nodes.find((n) => n.address === s.node)?.releaseVersion;
      return unsupportedOperation(kind as OperationKind, params.data, strategyFor(release), s.node);
    })
    .filter((reason): reason is string => reason !== null);
  if (unsupported.length) throw new JobInputError(`${traits.label} refused: ${unsupported.join('; ')}`);
  const clash = overlapping(
    { rolling, nodes: steps.map((s) => s.node) },
    jobsInStates(db, ACTIVE_STATES).filter((j) => j.clusterId === clusterId),
  );
  if (clash)
    throw new JobInputError(
      `job ${clash.job.id} (${describeJob(clash.job)}, ${clash.job.state}) already holds node ${clash.shared.join(', ')}: ` +
        'a rolling job runs alone on its nodes. Wait for it, or cancel it.',
    );
  return { params: params.data, steps };
}
