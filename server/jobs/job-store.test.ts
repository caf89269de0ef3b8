/**
 * Job rows this console cannot read — a kind a newer console version wrote into a shared store, a
 * damaged row — against a real SQLite store: they never stop start-up or a listing. The runner skips
 * them with one warning each; listings show them as unreadable, in their place; asking for one by id
 * says why it cannot be shown or cancelled.
 */
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { createLogger } from '../log/logger';
import type { JobKind, UnreadableJob } from './job-types';

// The console's logger, writing where this test reads it (the one rootLogger() hands out).
const lines: { level: number; component?: string; msg: string; jobId?: string }[] = [];
(globalThis as Record<symbol, unknown>)[Symbol.for('ringside.logger')] = createLogger(
  { RINGSIDE_LOG_LEVEL: 'warn' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  }),
);
const { getStore } = await import('../store');
const { insertJob, getJob, listJobs, updateJob } = await import('./job-store');
const { startJobRunner, jobRunner } = await import('./job-runner');
const { cancelJob, jobDetail, jobsOf, resumeJob } = await import('./jobs-service');

let counter = 0;
/** A rolling job a console on another host left running on three nodes, node 1 done, node 2 under way. */
function leftRunning(kind: string, createdAt: number): string {
  const id = `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
  const db = getStore();
  insertJob(db, {
    id,
    clusterId: 'prod',
    kind: kind as JobKind,
    target: { scope: 'cluster', keyspace: 'ks', tables: [] },
    params: {},
    rolling: { byRack: false, settleMs: 0 },
    requestedBy: 'op@example.com',
    createdAt,
    steps: ['127.0.0.1', '127.0.0.2', '127.0.0.3'].map((node, seq) => ({
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
  updateJob(db, id, { state: 'running', owner: 'another-host:4242:x', startedAt: createdAt });
  db.prepare(`UPDATE job_steps SET state = 'succeeded' WHERE job_id = ? AND seq = 0`).run(id);
  db.prepare(`UPDATE job_steps SET state = 'running', started_at = ? WHERE job_id = ? AND seq = 1`).run(createdAt, id);
  return id;
}

const stored = (id: string) =>
  getStore().prepare('SELECT state, owner FROM jobs WHERE id = ?').get(id) as { state: string; owner: string | null };
const warningsAbout = (id: string) =>
  lines.filter((l) => l.level === 40 && l.component === 'job-store' && l.jobId === id).map((l) => l.msg);

let plain: string, newer: string, damaged: string, damagedStep: string, unreadable: string[];
beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } }],
  });
  plain = leftRunning('flush', 1000);
  newer = leftRunning('defragment', 2000); // a kind a newer console knows
  damaged = leftRunning('flush', 3000);
  getStore().prepare('UPDATE jobs SET target = ? WHERE id = ?').run('{"scope": "cluster", "keysp', damaged);
  damagedStep = leftRunning('cleanup', 4000);
  getStore().prepare('UPDATE job_steps SET seq = 1.5 WHERE job_id = ? AND seq = 1').run(damagedStep);
  unreadable = [newer, damaged, damagedStep];
});

describe('job rows this console cannot read', () => {
  it('are skipped by the runner at start-up, one warning each, while the others are recovered', () => {
    expect(() => startJobRunner()).not.toThrow();
    // The readable job a stopped console left is recovered as ever.
    const recovered = getJob(getStore(), plain)!;
    expect(recovered.state).toBe('interrupted');
    expect(recovered.owner).toBeNull();
    // The others are left exactly as they are: not this console's to interrupt or resume.
    for (const id of unreadable) expect(stored(id)).toEqual({ state: 'running', owner: 'another-host:4242:x' });

    const [newerWarning, ...more] = warningsAbout(newer);
    expect(more).toEqual([]);
    expect(newerWarning).toMatch(
      new RegExp(
        `^job ${newer} \\(defragment, running\\) in the console store cannot be read by this console and is skipped: ` +
          'it is not run, recovered or counted as holding its nodes.*A newer console version may have written it, ' +
          'or the row is damaged: the jobs row: Invalid option: expected one of "flush"\\|.*"repair" \\(at kind\\)$',
      ),
    );
    expect(warningsAbout(damaged)).toEqual([expect.stringMatching(/the jobs row: not JSON: .+ \(at target\)$/)]);
    expect(warningsAbout(damagedStep)).toEqual([expect.stringMatching(/a job_steps row: .+ \(at seq\)$/)]);

    // Once per process: a second look (the listing reads every second) adds no line.
    const before = lines.length;
    expect(jobRunner().recover()).toBe(0);
    jobsOf('prod');
    expect(lines.length).toBe(before);
  });

  it('are listed in their place as unreadable, with what is wrong, beside the jobs that can be read', () => {
    const listed = jobsOf('prod');
    expect(listed.map((j) => j.id)).toEqual([damagedStep, damaged, newer, plain]);
    const newerListed = listed.find((j) => j.id === newer) as UnreadableJob;
    expect(newerListed).toEqual({
      id: newer,
      clusterId: 'prod',
      kind: 'defragment',
      state: 'running',
      createdAt: 2000,
      unreadable: expect.stringMatching(/^the jobs row: Invalid option: .+ \(at kind\)$/),
    });
    expect(listed.find((j) => j.id === plain)).toMatchObject({
      kind: 'flush',
      state: 'interrupted',
      steps: [{}, {}, {}],
    });
    // A filter by kind asks only for the kinds this console knows.
    expect(listJobs(getStore(), 'prod', { kinds: ['flush'] }).map((j) => j.id)).toEqual([damaged, plain]);
  });

  it('cannot be opened, cancelled or resumed, and the refusal says why', async () => {
    expect(() => jobDetail('prod', newer)).toThrow(
      new RegExp(
        `^job ${newer} \\(defragment, running\\) cannot be read by this console, which therefore neither shows, ` +
          'cancels, pauses nor resumes it — a newer console version may have written it, or the row is damaged: ' +
          'the jobs row: ',
      ),
    );
    await expect(cancelJob('prod', damaged, 'op@example.com')).rejects.toThrow(
      /cannot be read by this console.*: the jobs row: not JSON: /,
    );
    expect(() => resumeJob('prod', damagedStep, 'op@example.com')).toThrow(/a job_steps row/);
    expect(() => jobDetail('elsewhere', newer)).toThrow(`no job ${newer} on cluster elsewhere`);
    for (const id of unreadable) expect(stored(id).state).toBe('running');
  });
});
