import 'server-only';
/**
 * One repair run, driven by the job runner: it polls each running segment's parent status — often
 * while the segment is young (a small segment's session takes about 0.3 s, and a 1 s poll made the
 * wait cost more than the repair), less as it ages — and, when a segment ends or every couple of
 * seconds, reads the replicas' facts (down, repairing, pending compactions), starts what the plan
 * allows and writes why each other segment waits. A failed segment is retried with a doubled
 * time-out up to its attempts, then failed; the run fails at its end listing them. Pause stops new
 * segments (running ones finish); a console restart resumes from the segments already done.
 */
import { z } from 'zod';
import { JolokiaError } from '../cluster/errors';
import { featureMissingReason, strategyFor } from '../cluster/versions/release-strategy';
import { parentRepairStatus, pendingCompactions, repairAsync, runningRepairs } from '../cluster/repair-calls';
import type { ClusterConfig } from '../config';
import { logger } from '../log/logger';
import { clusterPoller } from '../nodes/live';
import type { Store } from '../store/database';
import { getJob, updateStep } from '../jobs/job-store';
import { log, stepChange, transition } from '../jobs/job-transitions';
import {
  decide,
  describeRanges,
  pauseAfter,
  pollDelay,
  POLL_MAX_MS,
  POLL_MIN_MS,
  repairOptions,
  repairSettingsSchema,
  timeoutOf,
  type Segment,
} from './repair-plan';

/** Facts are read again, and waiting segments reconsidered, at least this often. */
const DECIDE_EVERY_MS = 2000;
/** Facts older than this are read again before a decision. */
const FACTS_FRESH_MS = 1000;

const tokenRange = z.object({ start: z.string(), end: z.string() });
const segmentSchema = z.union([
  z.object({
    seq: z.number().int(),
    ranges: z.array(tokenRange).min(1),
    replicas: z.array(z.string()),
    coordinator: z.string(),
  }),
  // Runs planned before segments grouped ranges had one range each.
  z
    .object({
      seq: z.number().int(),
      start: z.string(),
      end: z.string(),
      replicas: z.array(z.string()),
      coordinator: z.string(),
    })
    .transform(({ start, end, ...rest }) => ({ ...rest, ranges: [{ start, end }] })),
]);

export const repairParamsSchema = z.object({
  settings: repairSettingsSchema,
  segments: z.array(segmentSchema),
});

/** The three reads a decision needs: nodes' states, other repairs under way, pending compactions. */
async function readFacts(
  cluster: ClusterConfig,
  replicas: string[],
  onRepairsUnread: (error: unknown, node: string | null) => void,
) {
  // At once: between two segments their time is the run's only overhead.
  const [{ value: snapshot }, others, compactionsPending] = await Promise.all([
    clusterPoller(cluster.id).fresh(),
    runningRepairs(cluster.id).then(
      ({ repairs, unreadable }) => {
        for (const [node, why] of Object.entries(unreadable)) onRepairsUnread(why, node);
        return repairs;
      },
      (error: unknown) => (onRepairsUnread(error, null), []),
    ),
    pendingCompactions(cluster, replicas),
  ]);
  return { snapshot, others, compactionsPending };
}

/**
 * Facts read at most FACTS_FRESH_MS before a decision: read ahead while a segment runs (a small one
 * takes about 0.1–0.3 s, about what the reads take), so the next segment starts as soon as one ends.
 */
function replicaFacts(
  cluster: ClusterConfig,
  replicas: string[],
  onRepairsUnread: (error: unknown, node: string | null) => void,
) {
  let read: { at: number; facts: Promise<Awaited<ReturnType<typeof readFacts>>> } | null = null;
  const start = () => {
    const at = Date.now();
    const facts = readFacts(cluster, replicas, onRepairsUnread);
    read = { at, facts };
    facts.catch(() => (read = read?.facts === facts ? null : read));
    return facts;
  };
  return {
    prefetch(): void {
      if (!read || Date.now() - read.at > FACTS_FRESH_MS / 2) void start().catch(() => undefined);
    },
    get() {
      const current = read;
      read = null;
      return current && Date.now() - current.at <= FACTS_FRESH_MS ? current.facts : start();
    },
  };
}

interface Running {
  segment: Segment;
  command: number;
  startedAt: number;
  attempt: number;
  pollAt: number;
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
  let decideAt = 0;
  const replicas = [...new Set(segments.flatMap((s) => s.replicas))];
  // Said once per node and run, in the run's own log: the operator sees that this check is blind there.
  const blind = new Set<string>();
  const facts = replicaFacts(cluster, replicas, (error, node) => {
    const key = node ?? '(all)';
    if (blind.has(key)) return;
    blind.add(key);
    const why = error instanceof Error ? error.message : String(error);
    logLine.warn({ node, reason: why }, 'cannot tell whether replicas run other repairs');
    log(
      db,
      jobId,
      `cannot tell whether ${node ?? 'the nodes'} run${node ? 's' : ''} repairs this run did not start (${why}); segments are not held back for them`,
    );
  });

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

    // Finished segments (those due for a look).
    for (const [seq, run] of [...running]) {
      if (Date.now() < run.pollAt) continue;
      run.pollAt = Date.now() + pollDelay(Date.now() - run.startedAt);
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
        decideAt = 0;
        stepChange(
          db,
          jobId,
          seq,
          {
            state: 'succeeded',
            endedAt: Date.now(),
            message: `repaired in ${Math.round(took / 1000)} s (command ${run.command} on ${run.segment.coordinator})`,
          },
          `segment ${seq} ${describeRanges(run.segment.ranges)} repaired in ${took} ms`,
        );
        holdUntil = Math.max(holdUntil, Date.now() + pauseAfter(took, settings.intensity));
      } else if (status === 'gone' || status?.state === 'FAILED' || status === null || timedOut) {
        running.delete(seq);
        decideAt = 0;
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

    if (!now.requested && Date.now() >= holdUntil && Date.now() >= decideAt && pending.length) {
      decideAt = Date.now() + DECIDE_EVERY_MS;
      const { snapshot, others, compactionsPending } = await facts.get();
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
      for (const other of others)
        if (!ours.has(`${other.coordinator}:${other.commandId}`))
          for (const p of new Set([other.coordinator, ...other.participants])) repairing[p] = (repairing[p] ?? 0) + 1;
      const decision = decide(
        due,
        [...running.values()].map((r) => r.segment),
        { down, repairing, pendingCompactions: compactionsPending },
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
        try {
          // The coordinator's own release decides which keys it gets (the poller read it a moment ago).
          const release = snapshot.nodes.find((n) => n.address === segment.coordinator)?.releaseVersion;
          const strategy = strategyFor(release);
          const options = repairOptions(settings, segment, strategy);
          const noPaxos = settings.repairPaxos && featureMissingReason(strategy, 'paxos-repair', segment.coordinator);
          if (noPaxos && !blind.has(`paxos ${segment.coordinator}`)) {
            // Said once per coordinator: the setting asked for it, the node cannot do it.
            blind.add(`paxos ${segment.coordinator}`);
            log(db, jobId, `no Paxos repair on segments ${segment.coordinator} coordinates: ${noPaxos}`);
          }
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
          running.set(seq, { segment, command, startedAt: Date.now(), attempt, pollAt: Date.now() + POLL_MIN_MS });
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
            `segment ${seq} ${describeRanges(segment.ranges)} started on ${segment.coordinator}: command ${command}, ranges ${options.ranges}`,
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
    // Read the facts while young segments run, so the next decision need not wait for them; a long
    // segment does not keep the nodes answering (the read is O(nodes)): facts are read when it ends.
    if (pending.length && [...running.values()].some((r) => Date.now() - r.startedAt < FACTS_FRESH_MS))
      facts.prefetch();
    // Until the next status read that is due, the next decision, or the end of an intensity pause.
    const wakeAt = Math.min(
      ...[...running.values()].map((r) => r.pollAt),
      pending.length && !now.requested ? Math.max(decideAt, holdUntil) : Infinity,
      Date.now() + POLL_MAX_MS,
    );
    await sleep(Math.max(POLL_MIN_MS / 2, wakeAt - Date.now()));
  }
}
