/**
 * The runner and the service against a real SQLite store, the cluster replaced at its edge (the
 * operation, the gate's facts, the agent check): rolling stops at the node that may not start and
 * resumes from it, pause and cancel, the agent check, recovery of a dead process's job, notifications.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { waitFor } from '@/localcluster/harness';
import { OPERATION_KINDS } from '../cluster/node-operations';
import type * as NodeOperations from '../cluster/node-operations';
import { getStore } from '../store';
import { insertJob, getJob, getJobWithLog, updateJob, updateStep } from './job-store';
import { JOB_KINDS, type Job, type JobKind, type Rolling } from './job-types';

const ops = vi.hoisted(() => ({
  run: vi.fn<(node: string) => Promise<string>>(),
  tasks: vi.fn<(node: string) => Promise<unknown[]>>(async () => []),
  stop: vi.fn<(node: string, id: string) => Promise<void>>(async () => undefined),
  agent: vi.fn<(node: string) => Promise<string | null>>(async () => null),
  down: new Set<string>(),
}));

vi.mock('../cluster/node-operations', async (original) => ({
  ...(await original<typeof NodeOperations>()),
  runNodeOperation: (_c: unknown, node: string) => ops.run(node),
  runningTasks: (_c: unknown, node: string) => ops.tasks(node),
  stopTask: (_c: unknown, node: string, id: string) => ops.stop(node, id),
}));
vi.mock('../cluster/agent-concurrency', () => ({
  agentConcurrencyProblem: (_c: unknown, node: string) => ops.agent(node),
}));
vi.mock('./gate-facts', () => ({
  gateFacts: async () => ({
    nodes: ['127.0.0.1', '127.0.0.2', '127.0.0.3'].map((address) => ({
      address,
      dc: address === '127.0.0.3' ? 'dc2' : 'dc1',
      rack: 'rack1',
      status: ops.down.has(address) ? 'Down' : 'Up',
      state: 'Normal',
      downReason: ops.down.has(address) ? 'not-listening' : null,
    })),
    schemaVersions: [{ version: 'v1', addresses: [] }],
    streaming: [],
  }),
}));

const { jobRunner } = await import('./job-runner');
const { cancelJob, pauseJob, resumeJob } = await import('./jobs-service');

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } }],
  });
});

beforeEach(() => {
  ops.run.mockReset().mockImplementation(async (node) => `flush: done on ${node}`);
  ops.down.clear();
  ops.agent.mockReset().mockResolvedValue(null);
});

let counter = 0;
function newJob(kind: JobKind, rolling: Rolling | null, nodes = ['127.0.0.1', '127.0.0.2', '127.0.0.3']): string {
  const id = `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  insertJob(getStore(), {
    id,
    clusterId: 'prod',
    kind,
    target: rolling
      ? { scope: 'cluster', keyspace: 'ks', tables: [] }
      : { scope: 'node', node: nodes[0], keyspace: 'ks', tables: [] },
    params: {},
    rolling,
    requestedBy: 'op@example.com',
    createdAt: Date.now(),
    steps: nodes.map((node, seq) => ({
      seq,
      node,
      dc: 'dc1',
      rack: 'rack1',
      state: 'pending',
      startedAt: null,
      endedAt: null,
      message: null,
      progress: null,
    })),
  });
  return id;
}

const settled = (id: string, states: Job['state'][]) =>
  waitFor(
    `job ${id} in ${states.join('/')}`,
    async () => {
      const job = getJob(getStore(), id)!;
      return states.includes(job.state) && !jobRunner().isRunning(id) ? job : undefined;
    },
    5000,
    20,
  );

const notifications = (id: string) =>
  (
    getStore()
      .prepare(
        `SELECT type FROM notify_notifications WHERE json_extract(body, '$.dedupKey') = ? ORDER BY occurred_at, rowid`,
      )
      .all(id) as { type: string }[]
  ).map((r) => r.type);

describe('job runner', () => {
  it('knows the node operations and repair', () => {
    expect([...JOB_KINDS]).toEqual([...OPERATION_KINDS, 'repair']);
  });

  it('stops a rolling job at the node that may not start, naming it, and resumes from there', async () => {
    const id = newJob('flush', { byRack: false, settleMs: 0 });
    ops.run.mockImplementation(async (node) => {
      if (node === '127.0.0.1') ops.down.add('127.0.0.2'); // node 2 dies while node 1 flushes
      return `flush: done`;
    });
    jobRunner().launch(id, 'started by test');
    const failed = await settled(id, ['failed']);
    expect(failed.message).toBe(
      'stopped at node 127.0.0.2: node 127.0.0.2 is Down (not-listening) — resume to go on from there',
    );
    expect(failed.steps.map((s) => s.state)).toEqual(['succeeded', 'failed', 'skipped']);
    expect(failed.steps[2]!.startedAt).toBeNull();
    expect(ops.run.mock.calls.map(([n]) => n)).toEqual(['127.0.0.1']);

    ops.down.clear();
    expect(resumeJob('prod', id, 'op@example.com').message).toBe('resumed from node 127.0.0.2');
    const done = await settled(id, ['succeeded']);
    expect(done.steps.map((s) => s.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(ops.run.mock.calls.map(([n]) => n)).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    expect(notifications(id)).toEqual(['operation.started', 'operation.failed', 'operation.succeeded']);
    const log = getJobWithLog(getStore(), id)!.log.map((l) => l.line);
    expect(log).toContain('resumed by op@example.com from node 127.0.0.2');
  });

  it('fails a step with Cassandra’s reason and skips the rest', async () => {
    const id = newJob('flush', { byRack: false, settleMs: 0 });
    ops.run.mockImplementation(async (node) => {
      if (node === '127.0.0.2') throw new Error('Keyspace ks does not exist');
      return 'flush: done';
    });
    jobRunner().launch(id, 'started');
    const failed = await settled(id, ['failed']);
    expect(failed.message).toMatch(/^stopped at node 127\.0\.0\.2: node 127\.0\.0\.2: Keyspace ks does not exist/);
    expect(failed.steps.map((s) => s.state)).toEqual(['succeeded', 'failed', 'skipped']);
  });

  it('refuses a blocking operation on a node whose agent serves one request at a time, running nothing', async () => {
    const id = newJob('compact', null, ['127.0.0.1']);
    ops.agent.mockResolvedValue('node 127.0.0.1: … executor=single … Fix: start the agent with executor=fixed');
    jobRunner().launch(id, 'started');
    const failed = await settled(id, ['failed']);
    expect(failed.message).toMatch(/executor=single/);
    expect(ops.run).not.toHaveBeenCalled();
  });

  it('pauses a rolling job before its next node and resumes it', async () => {
    const id = newJob('flush', { byRack: false, settleMs: 0 });
    let release!: () => void;
    ops.run.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve('flush: done'))));
    jobRunner().launch(id, 'started');
    await waitFor('node 1 running', async () => getJob(getStore(), id)!.steps[0]!.state === 'running' || undefined);
    pauseJob('prod', id, 'op@example.com');
    release();
    const paused = await settled(id, ['paused']);
    expect(paused.message).toBe('paused before node 127.0.0.2');
    expect(paused.steps.map((s) => s.state)).toEqual(['succeeded', 'pending', 'pending']);
    resumeJob('prod', id, 'op@example.com');
    expect((await settled(id, ['succeeded'])).steps.every((s) => s.state === 'succeeded')).toBe(true);
  });

  it('cancels a running compaction with stopCompactionById, and says a flush cannot be cancelled', async () => {
    const id = newJob('compact', null, ['127.0.0.1']);
    let fail!: (e: Error) => void;
    ops.run.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    ops.tasks.mockResolvedValue([
      { id: 'c-1', keyspace: 'ks', table: 't', kind: 'Major compaction', completed: 10, total: 100, unit: 'bytes' },
    ]);
    ops.stop.mockImplementation(async () => fail(new Error('Compaction interrupted')));
    jobRunner().launch(id, 'started');
    await waitFor('progress seen', async () => jobRunner().progressOf(id)?.get(0), 5000, 50);
    expect((await cancelJob('prod', id, 'op@example.com')).message).toBe('asked Cassandra to stop 127.0.0.1 task c-1');
    const cancelled = await settled(id, ['cancelled']);
    expect(cancelled.steps[0]!.state).toBe('cancelled');

    const flush = newJob('flush', null, ['127.0.0.1']);
    let done!: () => void;
    ops.run.mockImplementationOnce(() => new Promise((resolve) => (done = () => resolve('flush: done'))));
    jobRunner().launch(flush, 'started');
    await waitFor('flush running', async () => getJob(getStore(), flush)!.steps[0]!.state === 'running' || undefined);
    expect((await cancelJob('prod', flush, 'op@example.com')).message).toMatch(
      /^flush cannot be cancelled once Cassandra has started it: 127\.0\.0\.1 will finish it/,
    );
    done();
    await settled(flush, ['cancelled']);
  });

  it('marks a job a dead console left running as interrupted, saying so, and lets a rolling one resume', async () => {
    const id = newJob('flush', { byRack: false, settleMs: 0 });
    updateJob(getStore(), id, { state: 'running', owner: 'some-other-host:1:x', startedAt: Date.now() });
    updateStep(getStore(), id, 0, { state: 'succeeded' });
    updateStep(getStore(), id, 1, { state: 'running', startedAt: Date.now() });
    expect(jobRunner().recover()).toBe(1);
    const job = getJobWithLog(getStore(), id)!;
    expect(job.state).toBe('interrupted');
    expect(job.message).toMatch(/interrupted: the console stopped while this job ran; resume it/);
    expect(job.steps[1]!.message).toMatch(/^interrupted/);
    expect(job.log.at(-1)!.line).toMatch(/some-other-host:1:x\) stopped/);
    expect(resumeJob('prod', id, 'op').message).toBe('resumed from node 127.0.0.2');
    await settled(id, ['succeeded']);
    expect(ops.run.mock.calls.map(([n]) => n)).toEqual(['127.0.0.2', '127.0.0.3']);
  });
});
