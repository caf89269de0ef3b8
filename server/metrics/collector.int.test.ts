import { afterAll, describe, expect, it, vi } from 'vitest';
import { runLoad } from '@/localcluster/load-generator';
import { jolokiaBulk, type JolokiaResult } from '../cluster/jolokia';
import type * as NodeBulk from '../cluster/node-bulk';
import { jolokiaTarget } from '../cluster/node-bulk';
import { closeAll, clusterConfig, driverFor } from '../cluster/registry';
import { TEST_CONFIG } from '@/testing/test-caller';
import { eventsBetween } from '../store/events';
import { MetricsCollector } from './collector';
import { readSeries } from './history-store';
import { RESOLUTIONS } from './resolutions';

process.env.RINGSIDE_CONFIG = TEST_CONFIG;

/**
 * Every bulk answer a collector got from an agent, untouched: the readNodeBulk the collector calls is the
 * real one, only recorded on the way back, so a stored value can be checked against the answer it came from.
 */
const agentAnswers = vi.hoisted(() => [] as { clusterId: string; address: string; results: JolokiaResult[] }[]);
vi.mock('../cluster/node-bulk', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeBulk>();
  return {
    ...actual,
    readNodeBulk: async (...args: Parameters<typeof actual.readNodeBulk>) => {
      const results = await actual.readNodeBulk(...args);
      agentAnswers.push({ clusterId: args[0].id, address: args[1], results });
      return results;
    },
  };
});

/**
 * The coordinator write timer's 99th percentile in one bulk answer, found by its MBean name's properties
 * (whatever their order and whichever request of the bulk carried it), or undefined where the node has none.
 */
function writeP99In(results: JolokiaResult[]): number | undefined {
  for (const result of results) {
    if (!result.ok || typeof result.value !== 'object' || result.value === null) continue;
    for (const [bean, value] of Object.entries(result.value as Record<string, unknown>)) {
      const [domain, properties = ''] = bean.split(':');
      const keys = Object.fromEntries(properties.split(',').map((kv) => kv.split('=')));
      if (
        domain === 'org.apache.cassandra.metrics' &&
        keys.type === 'ClientRequest' &&
        keys.scope === 'Write' &&
        keys.name === 'Latency'
      )
        return (value as { '99thPercentile': number })['99thPercentile'];
    }
  }
  return undefined;
}
const collectors: MetricsCollector[] = [];
afterAll(async () => {
  collectors.forEach((c) => c.stop());
  await closeAll();
});

const NODES = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];

/** Jolokia's own write timer on every node, read directly: the reference the stored series must match. */
async function writeTimers(): Promise<Record<string, { count: number; p99: number }>> {
  const answers = await Promise.all(
    NODES.map(async (node) => {
      const [result] = await jolokiaBulk(jolokiaTarget(clusterConfig('demo'), node), [
        {
          type: 'read',
          mbean: 'org.apache.cassandra.metrics:type=ClientRequest,scope=Write,name=Latency',
          attribute: ['Count', '99thPercentile'],
        },
      ]);
      if (!result) throw new Error(`Jolokia on ${node} gave no answer for the write timer`);
      // Cassandra registers the coordinator timers on a node's first coordinated request: node 3 (dc2),
      // just restarted by an earlier test and not a coordinator for dc1 clients, has none yet — 0 writes.
      if (!result.ok && result.errorType === 'javax.management.InstanceNotFoundException')
        return [node, { count: 0, p99: 0 }] as const;
      if (!result.ok) throw new Error(`Jolokia on ${node} refused the write timer: ${result.error}`);
      const value = (result.ok ? result.value : {}) as { Count: number; '99thPercentile': number };
      return [node, { count: value.Count, p99: value['99thPercentile'] }] as const;
    }),
  );
  return Object.fromEntries(answers);
}

/** One node's timer from writeTimers(), which reads every node of NODES. */
function timerOf(timers: Record<string, { count: number; p99: number }>, node: string): { count: number; p99: number } {
  const timer = timers[node];
  if (!timer) throw new Error(`no write timer was read for ${node}`);
  return timer;
}

function nextPoll(collector: MetricsCollector): Promise<number> {
  return new Promise((resolve) => {
    const unsubscribe = collector.subscribe((latest) => {
      unsubscribe();
      resolve(latest.at);
    });
  });
}

describe('the collector against the real cluster under load', () => {
  it('stores a write rate within 10 % of Jolokia’s write counter, and p99 as Jolokia reports it', async () => {
    const collector = new MetricsCollector(clusterConfig('demo'), 'demo', 2000);
    collectors.push(collector);
    // Polls run one after another, and a poll tells its listeners once all its reads are done and stored:
    // the answers recorded since the previous poll are this poll's.
    agentAnswers.length = 0;
    const answersOfPoll = new Map<number, Map<string, JolokiaResult[]>>();
    collector.subscribe((latest) => {
      const mine = agentAnswers.splice(0).filter((a) => a.clusterId === 'demo');
      answersOfPoll.set(latest.at, new Map(mine.map((a) => [a.address, a.results])));
    });
    collector.start();
    await nextPoll(collector);
    const load = runLoad({ rate: 300, durationMs: 24_000, readRatio: 0 });

    await new Promise((resolve) => setTimeout(resolve, 3000));
    const startAt = await nextPoll(collector);
    // Jolokia's own rate is timed by our own reads: on a busy machine they can trail the collector's
    // polls by a different delay at each end, and the polls' interval would then skew it.
    const startRead = Date.now();
    const startCounts = await writeTimers();
    const startReadAt = (startRead + Date.now()) / 2;
    await new Promise((resolve) => setTimeout(resolve, 14_000));
    const endAt = await nextPoll(collector);
    const endRead = Date.now();
    const endCounts = await writeTimers();
    const endReadAt = (endRead + Date.now()) / 2;
    const done = await load;
    expect(done.errors).toBe(0);

    const expectedRate =
      NODES.reduce((sum, n) => sum + (timerOf(endCounts, n).count - timerOf(startCounts, n).count), 0) /
      ((endReadAt - startReadAt) / 1000);
    expect(expectedRate).toBeGreaterThan(200);
    const store = await driverFor('demo');
    let storedWrites = 0;
    for (const node of NODES) {
      const points = (
        await readSeries(store, 'demo', node, 'client.write.rate', RESOLUTIONS[0], startAt + 1, endAt)
      ).sort((a, b) => a.ts - b.ts);
      let previous = startAt;
      for (const point of points) {
        storedWrites += point.value * ((point.ts - previous) / 1000);
        previous = point.ts;
      }
    }
    const storedRate = storedWrites / ((endAt - startAt) / 1000);
    expect(
      Math.abs(storedRate - expectedRate) / expectedRate,
      `stored ${storedRate.toFixed(1)}/s vs Jolokia ${expectedRate.toFixed(1)}/s`,
    ).toBeLessThan(0.1);

    // The p99 stored for each poll under load is the one in the answer Jolokia gave that poll: not read
    // again later (the histogram moves under load), not converted, under the node that gave it.
    const pollsUnderLoad = [...answersOfPoll.keys()].filter((at) => at > startAt && at <= endAt);
    expect(pollsUnderLoad.length).toBeGreaterThanOrEqual(5);
    let compared = 0;
    for (const node of NODES) {
      if (timerOf(endCounts, node).count === timerOf(startCounts, node).count) continue;
      const stored = new Map(
        (await readSeries(store, 'demo', node, 'client.write.p99', RESOLUTIONS[0], startAt + 1, endAt)).map((p) => [
          p.ts,
          p.value,
        ]),
      );
      const p99s: number[] = [];
      for (const at of pollsUnderLoad) {
        const answer = answersOfPoll.get(at)?.get(node);
        expect(answer, `the collector's answer from ${node} at ${at}`).toBeDefined();
        const p99 = writeP99In(answer!);
        expect(p99, `${node}'s write timer in its answer at ${at}`).toBeTypeOf('number');
        expect(stored.get(at), `${node}: client.write.p99 stored for the poll at ${at}`).toBe(p99);
        p99s.push(p99!);
        compared++;
      }
      expect(Math.max(...p99s), `${node} coordinated writes: its p99 is not 0`).toBeGreaterThan(0);
    }
    // Nodes 1 and 2 (dc1) coordinate the load.
    expect(compared).toBeGreaterThanOrEqual(2 * pollsUnderLoad.length);
    expect(collector.status.writes.failures).toBe(0);
  }, 120_000);

  it('leaves a marked gap for a node whose agent is out of reach, the others unaffected', async () => {
    const collector = new MetricsCollector(clusterConfig('node3-no-jolokia'), 'demo', 2000);
    collectors.push(collector);
    const latest = await collector.pollOnce();
    expect(Object.keys(latest.byNode).sort()).toEqual(['127.0.0.1', '127.0.0.2']);
    expect(latest.missing['127.0.0.3']).toMatch(/^node 127\.0\.0\.3: Jolokia refused connection/);
    expect(collector.status.state).toBe('idle');
    expect(collector.status.lastError).toBe('no answer from 127.0.0.3');
    const gaps = eventsBetween('node3-no-jolokia', latest.at, latest.at).filter((e) => e.kind === 'collector-gap');
    expect(gaps.map((g) => g.node)).toEqual(['127.0.0.3']);
  });

  it('backs off while no agent answers, and resumes by itself when they answer again', async () => {
    // The agents are "down" behind a wrong port; putting the right port back is them returning.
    const cluster = structuredClone(clusterConfig('wrong-jolokia'));
    const collector = new MetricsCollector(cluster, 'demo', 2000);
    collectors.push(collector);
    await collector.pollOnce();
    expect(collector.status.state).toBe('backing-off');
    expect(collector.status.lastError).toMatch(
      /^no node answered: node 127\.0\.0\.\d: Jolokia refused connection.*; next try in 4 s$/,
    );
    cluster.jolokia.port = 8778;
    const latest = await collector.pollOnce();
    expect(Object.keys(latest.byNode).sort()).toEqual(NODES);
    expect(collector.status.state).toBe('running');
    expect(collector.status.lastError).toBeNull();
  });

  it('backs off, doubling, while the cluster cannot be reached', async () => {
    const collector = new MetricsCollector(clusterConfig('no-cql'), 'demo', 2000);
    collectors.push(collector);
    await expect(collector.pollOnce()).rejects.toThrow(/could not connect over CQL/);
    expect(collector.status.state).toBe('backing-off');
    expect(collector.status.lastError).toMatch(/next try in 4 s$/);
    await expect(collector.pollOnce()).rejects.toThrow();
    expect(collector.status.lastError).toMatch(/next try in 8 s$/);
  });
});
