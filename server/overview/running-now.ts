import 'server-only';
/**
 * What is running on a cluster now, for the overview: compactions (the compaction poller's Jolokia
 * read), repair sessions and streams (each node's system_views.repairs and .streaming, or a 4.0
 * node's StreamManager), the console's active jobs (its store). Read at most once per READ_EVERY_MS
 * per cluster however many pages ask: a shared poller's fresh() hands every caller the same answer,
 * so viewers add no load to the cluster.
 */
import { z } from 'zod';
import { executeOnEachNode } from '../cluster/per-node';
import { clusterConfig } from '../cluster/registry';
import { runningRepairs } from '../cluster/repair-calls';
import { cqlNumber, rowReader } from '../cluster/rows';
import { currentStreams } from '../cluster/stream-manager';
import { compactionPoller } from '../compaction/compaction-service';
import { jobsOf } from '../jobs/jobs-service';
import { ACTIVE_STATES, isUnreadable, type Job } from '../jobs/job-types';
import { SharedPoller } from '../live/shared-poller';
import { logger } from '../log/logger';
import { processSingleton } from '../process-singleton';
import { jobSummary, streamOfPlan, streamsOf, type RunningNow, type RunningStream } from './running-fold';

export type { RunningNow };

const READ_EVERY_MS = 5000;
/** A paused node holds its CQL port and answers nothing: it is named as silent after this, alone. */
const NODE_ANSWERS_WITHIN_MS = 2000;
/**
 * A source as a whole gives up after this (the driver still looking for a connection, say): a
 * backstop behind the per-node bounds (above, and Jolokia's own 3 s by default), within one interval.
 */
const ANSWER_WITHIN_MS = 4500;

const streamRow = rowReader(
  'system_views.streaming',
  z.object({
    operation: z.string(),
    peers: z.array(z.string()).nullable(),
    status: z.string(),
    progress_percentage: z.number().nullable(),
    bytes_received: cqlNumber,
    bytes_to_receive: cqlNumber,
    bytes_sent: cqlNumber,
    bytes_to_send: cqlNumber,
  }),
);

const STREAMING =
  'SELECT operation, peers, status, progress_percentage, bytes_received, bytes_to_receive, bytes_sent, bytes_to_send FROM system_views.streaming';

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer within ${ANSWER_WITHIN_MS / 1000} s`)),
      ANSWER_WITHIN_MS,
    );
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function readStreams(
  clusterId: string,
): Promise<Pick<RunningNow, 'streams'> & { unanswered: Record<string, string> }> {
  const unanswered: Record<string, string> = {};
  const results = await executeOnEachNode(clusterId, STREAMING, [], { readTimeoutMs: NODE_ANSWERS_WITHIN_MS });
  const perNode = await Promise.all(
    results.map(async (result): Promise<RunningStream[]> => {
      try {
        if ('rows' in result) return streamsOf(result.address, result.rows.map(streamRow));
        // A 4.0 node has no system_views.streaming: its StreamManager MBean lists the plans under way.
        if (result.unsupported)
          return (await currentStreams(clusterConfig(clusterId), result.address)).map((plan) =>
            streamOfPlan(result.address, plan),
          );
        unanswered[result.address] = result.error;
      } catch (error) {
        unanswered[result.address] = (error as Error).message;
      }
      return [];
    }),
  );
  return { streams: perNode.flat(), unanswered };
}

/** A driver error's message can carry the inner error's stack after its first line: the page needs the reason. */
const firstLines = (reasons: Record<string, string>) =>
  Object.fromEntries(Object.entries(reasons).map(([node, why]) => [node, why.split('\n')[0]!]));

/**
 * A source that could not be read at all is logged when that starts, when its reason changes and
 * when it ends (not every read): the page shows it, the log keeps it for whoever looks later.
 */
function logSourceChanges(
  clusterId: string,
  failed: RunningNow['failed'],
  previous: RunningNow['failed'] | undefined,
): void {
  const log = logger('running-now', { clusterId });
  for (const source of ['compactions', 'repairs', 'streams'] as const) {
    const now = failed[source];
    const before = previous?.[source];
    if (now && now !== before) log.warn({ source }, `cannot read running ${source}: ${now.split('\n')[0]}`);
    else if (!now && before) log.info({ source }, `running ${source} read again`);
  }
}

async function collect(clusterId: string, previous: RunningNow | undefined): Promise<RunningNow> {
  const jobs = jobsOf(clusterId, { states: [...ACTIVE_STATES], limit: 50 })
    .filter((job): job is Job => !isUnreadable(job))
    .map(jobSummary);
  const [compaction, repairs, streams] = await Promise.allSettled([
    within(compactionPoller(clusterId).fresh(), 'compactions'),
    within(runningRepairs(clusterId, { readTimeoutMs: NODE_ANSWERS_WITHIN_MS }), 'repairs'),
    within(readStreams(clusterId), 'streams'),
  ]);
  const reason = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' ? (result.reason as Error).message : undefined;
  const failed: RunningNow['failed'] = {
    compactions: compaction.status === 'fulfilled' ? (compaction.value.value.error ?? undefined) : reason(compaction),
    repairs: reason(repairs),
    streams: reason(streams),
  };
  logSourceChanges(clusterId, failed, previous?.failed);
  return {
    at: Date.now(),
    compactions: compaction.status === 'fulfilled' ? compaction.value.value.running : [],
    repairs: repairs.status === 'fulfilled' ? repairs.value.repairs : [],
    streams: streams.status === 'fulfilled' ? streams.value.streams : [],
    jobs,
    unanswered: {
      compactions: firstLines(compaction.status === 'fulfilled' ? compaction.value.value.errors : {}),
      repairs: firstLines(repairs.status === 'fulfilled' ? repairs.value.unreadable : {}),
      streams: firstLines(streams.status === 'fulfilled' ? streams.value.unanswered : {}),
    },
    failed: Object.fromEntries(Object.entries(failed).filter(([, why]) => why !== undefined)),
  };
}

const pollers = processSingleton('running-now-pollers', () => new Map<string, SharedPoller<RunningNow>>());

/** The cluster's running work, at most READ_EVERY_MS old. */
export async function runningNow(clusterId: string): Promise<RunningNow> {
  let poller = pollers.get(clusterId);
  if (!poller) {
    poller = new SharedPoller<RunningNow>((previous) => collect(clusterId, previous), READ_EVERY_MS, undefined, {
      poller: 'running-now',
      clusterId,
    });
    pollers.set(clusterId, poller);
  }
  return (await poller.fresh()).value;
}
