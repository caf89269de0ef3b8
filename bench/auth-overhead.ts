/**
 * auth-overhead: what the access guard adds to a procedure. `cluster.nodes` for the demo cluster as a
 * request calls it — a fresh tRPC context per call from a real session cookie, so the session is read
 * from the console's store every time — against the same work unguarded, `listNodes('demo')`. The two
 * are interleaved call by call (their order rotating) so the machine's noise falls on both, and the
 * session lookup alone (`principalOf`) is timed in the same rounds. The node snapshot is renewed
 * between rounds, outside the timings, so that no timed call pays for a poll of the cluster: that
 * cost is the same with or without the guard. Target: the guard adds ≤ 2 ms at p99.
 *
 * It uses the demo cluster as it finds it (`npm run cluster -- up` first) and does not start nodes:
 * its user and session go to the test store (e2e/ringside.test.config.json), signed out at the end.
 */
import type { Grant } from '@/lib/roles';
import { getAuth } from '@/server/auth/auth';
import { principalOf } from '@/server/auth/principal';
import { closeAll, clusterConfig } from '@/server/cluster/registry';
import { listNodes } from '@/server/nodes/list-nodes';
import { clusterPoller, stopAllPollers } from '@/server/nodes/live';
import { createCaller } from '@/server/routers/_app';
import { createContext } from '@/server/trpc';
import { TEST_CONFIG } from '@/testing/test-caller';
import { sessionHeaders } from '@/testing/test-session';

const CLUSTER = 'demo';
const WARMUP = 30;
const CALLS = 300;
const TARGET_ADDED_P99_MS = 2;
/** What `cluster.nodes` asks of its caller: a viewer of the cluster. */
const GRANTS: Grant[] = [{ cluster: CLUSTER, role: 'viewer' }];
/** A snapshot older than the poll interval less this is renewed before a round begins. */
const FRESHNESS_MARGIN_MS = 250;

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  if (value === undefined) throw new Error(`p${p} of no values: the benchmark measured nothing`);
  return value;
}

const ms = (value: number) => Number(value.toFixed(3));

export async function run(): Promise<Record<string, unknown>> {
  // The bench creates and signs in a user of its own: that belongs in the test store, never the console's.
  process.env.RINGSIDE_CONFIG = TEST_CONFIG;
  const headers = await sessionHeaders(GRANTS, 'bench');
  try {
    // The guard is really there: without the cookie the same call is refused.
    const refused = await createCaller(createContext({ headers: new Headers() }))
      .cluster.nodes({ clusterId: CLUSTER })
      .then(
        () => null,
        (error: unknown) => (error as { code?: string }).code,
      );
    if (refused !== 'UNAUTHORIZED') throw new Error(`cluster.nodes without a session was not refused (got ${refused})`);

    const poller = clusterPoller(CLUSTER);
    const intervalMs = clusterConfig(CLUSTER).pollIntervalMs;
    const nodeCount = await listNodes(CLUSTER).then(
      (answer) => answer.nodes.length,
      (error: unknown) => {
        throw new Error(`the demo cluster does not answer (\`npm run cluster -- up\` first): ${String(error)}`);
      },
    );
    if (nodeCount === 0) throw new Error('the demo cluster lists no nodes');

    const calls: Record<'guarded' | 'unguarded' | 'lookup', () => Promise<unknown>> = {
      guarded: async () => {
        const answer = await createCaller(createContext({ headers })).cluster.nodes({ clusterId: CLUSTER });
        if (answer.nodes.length !== nodeCount) throw new Error('the node list changed during the benchmark');
      },
      unguarded: async () => {
        const answer = await listNodes(CLUSTER);
        if (answer.nodes.length !== nodeCount) throw new Error('the node list changed during the benchmark');
      },
      lookup: async () => {
        const lookup = await principalOf(headers);
        if (!lookup.principal) throw new Error(`the bench's session was not found: ${lookup.why}`);
      },
    };
    const names = Object.keys(calls) as (keyof typeof calls)[];
    const times = { guarded: [] as number[], unguarded: [] as number[], lookup: [] as number[] };
    let pollsInTimedCalls = 0;

    for (let round = 0; round < WARMUP + CALLS; round++) {
      const before = poller.current;
      if (!before || Date.now() - before.takenAt.getTime() > intervalMs - FRESHNESS_MARGIN_MS) await poller.refresh();
      const snapshot = poller.current;
      // Each call in each position equally often: guarded first, unguarded first, the lookup first.
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + k) % names.length]!;
        const started = performance.now();
        await calls[name]();
        const elapsed = performance.now() - started;
        if (round >= WARMUP) times[name].push(elapsed);
      }
      if (round >= WARMUP && poller.current !== snapshot) pollsInTimedCalls++;
    }

    const guardedP50 = percentile(times.guarded, 50);
    const guardedP99 = percentile(times.guarded, 99);
    const unguardedP50 = percentile(times.unguarded, 50);
    const unguardedP99 = percentile(times.unguarded, 99);
    const addedP99 = guardedP99 - unguardedP99;
    const result = {
      calls: CALLS,
      guardedP50Ms: ms(guardedP50),
      guardedP99Ms: ms(guardedP99),
      unguardedP50Ms: ms(unguardedP50),
      unguardedP99Ms: ms(unguardedP99),
      addedP50Ms: ms(guardedP50 - unguardedP50),
      addedP99Ms: ms(addedP99),
      sessionLookupP50Ms: ms(percentile(times.lookup, 50)),
      sessionLookupP99Ms: ms(percentile(times.lookup, 99)),
      targetAddedP99Ms: TARGET_ADDED_P99_MS,
      met: addedP99 <= TARGET_ADDED_P99_MS,
    };
    console.log(`${CALLS} rounds after ${WARMUP} warm-up, ${nodeCount} nodes, interleaved; ms p50 / p99:`);
    console.log(
      `  cluster.nodes guarded (fresh context, session from the store): ${result.guardedP50Ms} / ${result.guardedP99Ms}`,
    );
    console.log(
      `  listNodes('demo') unguarded:                                   ${result.unguardedP50Ms} / ${result.unguardedP99Ms}`,
    );
    console.log(
      `  session lookup alone (principalOf):                            ${result.sessionLookupP50Ms} / ${result.sessionLookupP99Ms}`,
    );
    console.log(
      `added by the guard: p50 ${result.addedP50Ms} ms, p99 ${result.addedP99Ms} ms (target p99 ≤ ${TARGET_ADDED_P99_MS} ms: ${result.met ? 'met' : 'NOT met'})`,
    );
    console.log(
      `timed rounds in which a call polled the cluster: ${pollsInTimedCalls} (the snapshot is renewed between rounds)`,
    );
    return result;
  } finally {
    await getAuth()
      .api.signOut({ headers })
      .catch(() => undefined);
    stopAllPollers();
    await closeAll();
  }
}
