import 'server-only';
/**
 * One repair run, driven by the job runner: every couple of seconds it polls the running segments'
 * parent status, reads the replicas' facts (down, repairing, pending compactions), starts what the
 * plan allows and writes why each other segment waits. A failed segment is retried with a doubled
 * time-out up to its attempts, then failed; the run fails at its end listing them. Pause stops new
 * segments (running ones finish); a console restart resumes from the segments already done.
 */
import { z } from 'zod';
import { JolokiaError } from '../cluster/errors';
import { parentRepairStatus, pendingCompactions, repairAsync, runningRepairs } from '../cluster/repair-calls';
import type { ClusterConfig } from '../config';
import { logger } from '../log/logger';
import { clusterPoller } from '../nodes/live';
import type { Store } from '../store/database';
import { getJob, updateStep } from '../jobs/job-store';
import { stepChange, transition } from '../jobs/job-transitions';
import { decide, pauseAfter, repairOptions, repairSettingsSchema, timeoutOf, type Segment } from './repair-plan';

const TICK_MS = 1000;

export const repairParamsSchema = z.object({
  settings: repairSettingsSchema,
  segments: z.array(
    z.object({
      seq: z.number().int(),
      start: z.string(),
      end: z.string(),
      replicas: z.array(z.string()),
      coordinator: z.string(),
    }),
  ),
});

interface Running {
  segment: Segment;
  command: number;
  startedAt: number;
  attempt: number;
}

export async function runRepair(
  db: Store,
  cluster: ClusterConfig,
  jobId: string,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const first = getJob(db, jobId)!;
  const { settings, segments } = repairParamsSchema.parse(first.params);
  const bySeq = new Map(segments.map((s) => [s.seq, s]));
  const attempts = new Map<number, number>();
  /** Segment → when its next attempt may start (5 s after the first failure, doubling). */
  const retryAt = new Map<number, number>();
  const backOff = (seq: number) => retryAt.set(seq, Date.now() + 5000 * 2 ** ((attempts.get(seq) ?? 1) - 1));
  const running = new Map<number, Running>();
  const waitingShown = new Map<number, string>();
  const ours = new Set<string>();
  const logLine = logger('repair', { clusterId: cluster.id, jobId });
  let holdUntil = 0;

  for (;;) {
    const job = getJob(db, jobId)!;
    if (job.requested === 'cancel' && running.size === 0) {
      for (const s of job.steps.filter((s) => s.state === 'pending'))
        updateStep(db, jobId, s.seq, { state: 'skipped', message: 'not started: the run was cancelled' });
      transition(db, jobId, 'cancelled', 'cancelled on request', {
        message: 'cancelled on request',
        finishedAt: Date.now(),
        requested: null,
      });
      return;
    }
    if (job.requested === 'pause' && running.size === 0) {
      transition(db, jobId, 'paused', 'paused: no new segment starts', {
        requested: null,
        owner: null,
        message: 'paused',
      });
      return;
    }

    // Finished segments.
    for (const [seq, run] of [...running]) {
      let status: Awaited<ReturnType<typeof parentRepairStatus>> | 'gone';
      try {
        status = await parentRepairStatus(cluster, run.segment.coordinator, run.command);
      } catch (error) {
        logLine.warn({ err: error, seq }, 'repair status read failed');
        // A coordinator whose agent refuses connections has stopped: its command died with it.
        if (error instanceof JolokiaError && error.failure === 'refused') status = 'gone';
        else continue; // a slow answer: ask again next tick, the time-out bounds it
      }
      const took = Date.now() - run.startedAt;
      const timedOut = took > timeoutOf(run.attempt, settings.segmentTimeoutMs);
      if (status !== 'gone' && status?.state === 'COMPLETED') {
        running.delete(seq);
        stepChange(
          db,
          jobId,
          seq,
          {
            state: 'succeeded',
            endedAt: Date.now(),
            message: `repaired in ${Math.round(took / 1000)} s (command ${run.command} on ${run.segment.coordinator})`,
          },
          `segment ${seq} (${run.segment.start}, ${run.segment.end}] repaired in ${took} ms`,
        );
        holdUntil = Math.max(holdUntil, Date.now() + pauseAfter(took, settings.intensity));
      } else if (status === 'gone' || status?.state === 'FAILED' || status === null || timedOut) {
        running.delete(seq);
        const why = timedOut
          ? `timed out after ${Math.round(took / 1000)} s (attempt ${run.attempt})`
          : status === 'gone'
            ? `coordinator ${run.segment.coordinator} stopped answering`
            : status === null
              ? `coordinator ${run.segment.coordinator} no longer knows command ${run.command}`
              : status.messages.join('; ') || 'failed';
        const cancelling = getJob(db, jobId)!.requested === 'cancel';
        const again = run.attempt < settings.maxAttempts && !cancelling;
        backOff(seq);
        if (cancelling) {
          stepChange(
            db,
            jobId,
            seq,
            { state: 'cancelled', endedAt: Date.now(), message: `cancelled: ${why}` },
            `segment ${seq}: cancelled`,
          );
          continue;
        }
        stepChange(
          db,
          jobId,
          seq,
          {
            state: again ? 'pending' : 'failed',
            endedAt: again ? null : Date.now(),
            message: `attempt ${run.attempt} failed: ${why}`,
          },
          `segment ${seq}: attempt ${run.attempt} failed: ${why}${again ? ' — will retry with a longer time-out' : ''}`,
        );
      }
    }

    const now = getJob(db, jobId)!;
    const pending = now.steps.filter((s) => s.state === 'pending').map((s) => bySeq.get(s.seq)!);
    if (pending.length === 0 && running.size === 0) {
      const failed = now.steps.filter((s) => s.state === 'failed');
      if (failed.length)
        return void transition(db, jobId, 'failed', `${failed.length} of ${segments.length} segment(s) failed`, {
          message: `${failed.length} of ${segments.length} segment(s) failed: ${failed
            .slice(0, 5)
            .map((s) => `#${s.seq} ${s.message}`)
            .join('; ')}`,
          finishedAt: Date.now(),
        });
      return void transition(db, jobId, 'succeeded', `all ${segments.length} segments repaired`, {
        message: `all ${segments.length} segments repaired`,
        finishedAt: Date.now(),
      });
    }

    if (!now.requested && Date.now() >= holdUntil && pending.length) {
      const snapshot = (await clusterPoller(cluster.id).fresh()).value;
      const replicas = [...new Set(segments.flatMap((s) => s.replicas))];
      const down: Record<string, string> = {};
      for (const r of replicas) {
        const node = snapshot.nodes.find((n) => n.address === r);
        if (!node || node.status !== 'Up')
          down[r] = node ? `${node.status}${node.downReason ? ` (${node.downReason})` : ''}` : 'not in the cluster';
        // Up in gossip but still starting: its StorageService refuses repairs until NORMAL.
        else if (node.operationMode && node.operationMode !== 'NORMAL')
          down[r] = `in operation mode ${node.operationMode}`;
      }
      // A segment whose last attempt failed waits before the next one, longer after each.
      const due = pending.filter((segment) => {
        const at = retryAt.get(segment.seq);
        if (at === undefined || Date.now() >= at) return true;
        const reason = `retrying at ${new Date(at).toISOString().slice(11, 19)} after attempt ${attempts.get(segment.seq)} failed`;
        if (waitingShown.get(segment.seq) !== reason) {
          waitingShown.set(segment.seq, reason);
          updateStep(db, jobId, segment.seq, { state: 'pending', message: `waiting: ${reason}` });
        }
        return false;
      });
      const repairing: Record<string, number> = {};
      for (const other of await runningRepairs(cluster.id).catch(() => []))
        if (!ours.has(`${other.coordinator}:${other.commandId}`))
          for (const p of new Set([other.coordinator, ...other.participants])) repairing[p] = (repairing[p] ?? 0) + 1;
      const decision = decide(
        due,
        [...running.values()].map((r) => r.segment),
        { down, repairing, pendingCompactions: await pendingCompactions(cluster, replicas) },
        settings,
      );
      for (const w of decision.waiting)
        if (waitingShown.get(w.seq) !== w.reason) {
          waitingShown.set(w.seq, w.reason);
          updateStep(db, jobId, w.seq, { state: 'pending', message: `waiting: ${w.reason}` });
        }
      for (const seq of decision.start) {
        const segment = bySeq.get(seq)!;
        const attempt = (attempts.get(seq) ?? 0) + 1;
        attempts.set(seq, attempt);
        const options = repairOptions(settings, segment);
        try {
          const command = await repairAsync(cluster, segment.coordinator, settings.keyspace, options);
          if (command === 0) {
            stepChange(
              db,
              jobId,
              seq,
              {
                state: 'succeeded',
                startedAt: Date.now(),
                endedAt: Date.now(),
                message: 'nothing to repair (Cassandra answered command 0)',
              },
              `segment ${seq}: nothing to repair`,
            );
            continue;
          }
          ours.add(`${segment.coordinator}:${command}`);
          running.set(seq, { segment, command, startedAt: Date.now(), attempt });
          waitingShown.delete(seq);
          stepChange(
            db,
            jobId,
            seq,
            {
              state: 'running',
              startedAt: Date.now(),
              endedAt: null,
              message: `command ${command} on ${segment.coordinator}, attempt ${attempt}`,
            },
            `segment ${seq} (${segment.start}, ${segment.end}] started on ${segment.coordinator}: command ${command}, ranges ${options.ranges}`,
          );
        } catch (error) {
          // A policy refusal does not go away by retrying: it needs the agent's policy changed.
          const again = attempt < settings.maxAttempts && !/forbidden/.test((error as Error).message);
          backOff(seq);
          stepChange(
            db,
            jobId,
            seq,
            {
              state: again ? 'pending' : 'failed',
              endedAt: again ? null : Date.now(),
              message: `attempt ${attempt} could not start: ${(error as Error).message}`,
            },
            `segment ${seq}: could not start: ${(error as Error).message}`,
          );
        }
      }
    }
    await sleep(TICK_MS);
  }
}
