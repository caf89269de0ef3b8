import 'server-only';
/**
 * The stats collector of one cluster: every interval, one Jolokia bulk request per node; counters
 * become rates; raw samples and due rollups go to the history tables. A node that does not answer
 * leaves a gap, recorded as an event so charts mark it. When no node answers, the collector backs
 * off (doubling up to two minutes) and resumes by itself.
 */
import type { Client } from 'cassandra-driver';
import { JolokiaError } from '../cluster/errors';
import { readNodeBulk } from '../cluster/node-bulk';
import { driverFor } from '../cluster/registry';
import type { ClusterConfig } from '../config';
import { recordEvent } from '../store/events';
import {
  COLLECTOR_REQUESTS,
  readingOf,
  samplesBetween,
  TABLE_REQUESTS,
  tableMetric,
  tableReadingsOf,
  type NodeReading,
} from './catalogue';
import { ensureHistorySchema, writeAggregates, writeRaw, type WriteStats } from './history-store';
import { RESOLUTIONS } from './resolutions';
import { Rollup, type Sample } from './rollup';
import { driverHosts } from '../cluster/hosts';
import { logger, type Logger } from '../log/logger';

const MAX_BACKOFF_MS = 120_000;
/** Tables are read once a minute, and the busiest few kept: per-table series for every table would dwarf the rest. */
const TABLE_PERIOD_MS = 60_000;
const BUSIEST_TABLES = 3;

export interface CollectorStatus {
  clusterId: string;
  intervalMs: number;
  state: 'idle' | 'running' | 'backing-off' | 'stopped';
  polls: number;
  lastPollAt: number | null;
  lastPollMs: number | null;
  /** CPU the console spent on the last poll (user + system), milliseconds. */
  lastPollCpuMs: number | null;
  nextPollInMs: number | null;
  lastError: string | null;
  writes: WriteStats;
  droppedLate: number;
}

export interface LatestValues {
  at: number;
  /** Gauges as read and counters as per-second rates (what the charts store). */
  byNode: Record<string, Record<string, number>>;
  /** The counters as Jolokia reported them: running totals since each node started (for /api/metrics). */
  totals?: Record<string, Record<string, number>>;
  /** Where each node sits, as the driver's metadata says. */
  placement?: Record<string, { dc: string | null; rack: string | null }>;
  missing: Record<string, string>;
}

export class MetricsCollector {
  private readonly previous = new Map<string, { reading: NodeReading; at: number }>();
  private readonly previousTables = new Map<string, { reading: NodeReading; at: number }>();
  private lastTablePoll = 0;
  private readonly rollups = RESOLUTIONS.slice(1).map((resolution) => ({
    resolution,
    rollup: new Rollup(resolution.stepMs, Math.max(15_000, resolution.stepMs / 10), resolution.stepMs * 2),
  }));
  private readonly listeners = new Set<(latest: LatestValues) => void>();
  private timer: NodeJS.Timeout | undefined;
  private backoffMs = 0;
  private schemaReady: Promise<void> | undefined;
  /** Nodes that did not answer the last poll: a change is logged, not every silent poll. */
  private silentNodes = new Set<string>();
  private readonly log: Logger;
  readonly status: CollectorStatus;
  latest: LatestValues | undefined;

  constructor(
    private readonly cluster: ClusterConfig,
    private readonly storeClusterId: string,
    intervalMs = cluster.metrics.intervalMs,
  ) {
    this.log = logger('metrics-collector', { clusterId: cluster.id });
    this.status = {
      clusterId: cluster.id,
      intervalMs,
      state: 'idle',
      polls: 0,
      lastPollAt: null,
      lastPollMs: null,
      lastPollCpuMs: null,
      nextPollInMs: null,
      lastError: null,
      writes: { rows: 0, failures: 0, lastError: null },
      droppedLate: 0,
    };
  }

  start(): void {
    if (this.timer || this.status.state === 'running') return;
    this.status.state = 'running';
    this.schedule(0);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.status.state = 'stopped';
  }

  subscribe(listener: (latest: LatestValues) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private schedule(delayMs: number): void {
    this.status.nextPollInMs = delayMs;
    this.timer = setTimeout(async () => {
      this.timer = undefined;
      if (this.stopped()) return;
      await this.pollOnce().catch((error: unknown) => {
        this.status.lastError = (error as Error).message;
        this.log.warn({ err: error }, `metrics poll failed: ${(error as Error).message}`);
      });
      if (!this.stopped()) this.schedule(this.backoffMs || this.status.intervalMs);
    }, delayMs);
    this.timer.unref?.();
  }

  private stopped(): boolean {
    return this.status.state === 'stopped';
  }

  private async storeClient(): Promise<Client> {
    const client = await driverFor(this.storeClusterId);
    this.schemaReady ??= ensureHistorySchema(client).catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    await this.schemaReady;
    return client;
  }

  /** One poll: read every node, store what came back, mark what did not. */
  async pollOnce(): Promise<LatestValues> {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const at = Date.now();
    let addresses: string[];
    const placement: NonNullable<LatestValues['placement']> = {};
    try {
      const client = await driverFor(this.cluster.id);
      const hosts = driverHosts(client);
      addresses = hosts.map((h) => h.address);
      for (const host of hosts) placement[host.address] = { dc: host.dc, rack: host.rack };
    } catch (error) {
      this.backOff((error as Error).message);
      throw error;
    }

    const withTables = at - this.lastTablePoll >= TABLE_PERIOD_MS;
    if (withTables) this.lastTablePoll = at;
    // Still one request per node: the table reads ride along in the same bulk.
    const requests = withTables ? [...COLLECTOR_REQUESTS, ...TABLE_REQUESTS] : COLLECTOR_REQUESTS;
    type Answer =
      { address: string; results: Awaited<ReturnType<typeof readNodeBulk>> } | { address: string; error: string };
    const answers = await Promise.all(
      addresses.map(async (address): Promise<Answer> => {
        try {
          return { address, results: await readNodeBulk(this.cluster, address, requests) };
        } catch (error) {
          if (error instanceof JolokiaError) return { address, error: error.message };
          throw error;
        }
      }),
    );

    const latest: LatestValues = { at, byNode: {}, totals: {}, placement, missing: {} };
    const samples: Sample[] = [];
    for (const answer of answers) {
      if ('error' in answer) {
        latest.missing[answer.address] = answer.error;
        this.previous.delete(answer.address);
        recordEvent(this.cluster.id, { ts: at, kind: 'collector-gap', node: answer.address, detail: answer.error });
        continue;
      }
      const reading = readingOf(answer.results);
      const values = samplesBetween(this.previous.get(answer.address), reading, at);
      this.previous.set(answer.address, { reading, at });
      latest.byNode[answer.address] = values;
      latest.totals![answer.address] = { ...reading.counters };
      for (const [metric, value] of Object.entries(values))
        samples.push({ node: answer.address, metric, ts: at, value });
      if (withTables)
        samples.push(...this.tableSamples(answer.address, answer.results.slice(COLLECTOR_REQUESTS.length), at));
    }

    this.logSilentNodes(latest.missing);
    if (Object.keys(latest.byNode).length === 0) {
      this.backOff(`no node answered: ${Object.values(latest.missing)[0] ?? 'no nodes known'}`);
    } else {
      this.backoffMs = 0;
      if (this.status.state === 'backing-off') {
        this.status.state = 'running';
        this.log.info('metrics collection resumed: nodes answer again');
      }
      this.status.lastError = Object.keys(latest.missing).length
        ? `no answer from ${Object.keys(latest.missing).join(', ')}`
        : null;
    }

    const failuresBefore = this.status.writes.failures;
    await this.store(samples, at);
    const failedWrites = this.status.writes.failures - failuresBefore;
    if (failedWrites > 0)
      this.log.warn(
        { failedWrites, storeClusterId: this.storeClusterId },
        `history writes failed: ${this.status.writes.lastError}`,
      );
    this.latest = latest;
    this.status.polls++;
    this.status.lastPollAt = at;
    this.status.lastPollMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    this.status.lastPollCpuMs = (cpu.user + cpu.system) / 1000;
    for (const listener of this.listeners) listener(latest);
    return latest;
  }

  /** The busiest tables on this node (most writes since the last table poll), as `table:` series. */
  private tableSamples(node: string, results: Awaited<ReturnType<typeof readNodeBulk>>, at: number): Sample[] {
    const perTable = Object.entries(tableReadingsOf(results)).map(([id, reading]) => {
      const key = `${node} ${id}`;
      const values = samplesBetween(this.previousTables.get(key), reading, at);
      this.previousTables.set(key, { reading, at });
      return { id, values };
    });
    return perTable
      .filter((t) => t.values['write.rate'] !== undefined || t.values['read.rate'] !== undefined)
      .sort(
        (a, b) =>
          (b.values['write.rate'] ?? 0) +
          (b.values['read.rate'] ?? 0) -
          ((a.values['write.rate'] ?? 0) + (a.values['read.rate'] ?? 0)),
      )
      .slice(0, BUSIEST_TABLES)
      .flatMap(({ id, values }) => {
        // Ids are the collector's own `keyspace.table` (neither name can hold a dot).
        const [keyspace = '', table = ''] = id.split('.');
        return Object.entries(values).map(([metric, value]) => ({
          node,
          metric: tableMetric(keyspace, table, metric as Parameters<typeof tableMetric>[2]),
          ts: at,
          value,
        }));
      });
  }

  private async store(samples: Sample[], now: number): Promise<void> {
    for (const { rollup } of this.rollups) for (const sample of samples) rollup.add(sample, now);
    let client: Client;
    try {
      client = await this.storeClient();
    } catch (error) {
      this.status.writes.failures += samples.length;
      this.status.writes.lastError = `history store ${this.storeClusterId} unreachable: ${(error as Error).message}`;
      return;
    }
    await writeRaw(client, this.cluster.id, samples, this.status.writes);
    for (const { resolution, rollup } of this.rollups)
      await writeAggregates(client, this.cluster.id, resolution, rollup.due(now), this.status.writes);
    this.status.droppedLate = this.rollups.reduce((total, r) => total + r.rollup.droppedLate, 0);
  }

  private backOff(reason: string): void {
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs ? this.backoffMs * 2 : this.status.intervalMs * 2);
    this.status.state = 'backing-off';
    this.status.lastError = `${reason}; next try in ${Math.round(this.backoffMs / 1000)} s`;
    // Backing off already spaces these out (doubling up to two minutes): each one is worth a line.
    this.log.warn({ backoffMs: this.backoffMs }, `metrics collection backing off: ${this.status.lastError}`);
  }

  private logSilentNodes(missing: Record<string, string>): void {
    for (const [node, reason] of Object.entries(missing))
      if (!this.silentNodes.has(node)) this.log.warn({ node }, `node ${node} did not answer the collector: ${reason}`);
    for (const node of this.silentNodes)
      if (!(node in missing)) this.log.info({ node }, `node ${node} answers the collector again`);
    this.silentNodes = new Set(Object.keys(missing));
  }
}
