import 'server-only';
/**
 * The always-on monitor of one cluster, started with the console whether or not anyone watches. It
 * adds no polling loop of its own: it subscribes to the cluster's shared poller (which keeps that
 * poller running) and to the metrics collector, and evaluates the rules on every new snapshot or
 * sample. Its one addition is a probe of each node's CQL port about once a second
 * (cluster/cql-probe.ts), so a hung node is alerted as "not answering" within two seconds, while
 * Cassandra's own verdict (Up/Down from gossip) is kept beside it.
 */
import { config } from '../config';
import { clusterConfig } from '../cluster/registry';
import { probeCql } from '../cluster/cql-probe';
import { logger, type Logger } from '../log/logger';
import { collectorFor } from '../metrics/collectors';
import { clusterPoller } from '../nodes/live';
import { processSingleton } from '../process-singleton';
import { CoverageSource } from '../repair/gc-grace-service';
import { getStore } from '../store';
import { listSilences } from './alert-store';
import { evaluateCluster } from './evaluator';
import type { MonitorInputs, ProbeVerdict } from './observations';
import { ruleAppliesTo } from './rule-schema';
import { rulesInForce } from './rules';

/** Evaluations that several inputs ask for at once run once. */
const COALESCE_MS = 50;
/**
 * How often repair coverage (repair-overdue) is worked out again from the jobs store; the tables'
 * gc_grace_seconds are read from the cluster only when its schema version changes, or hourly.
 */
export const REPAIR_COVERAGE_INTERVAL_MS = 60_000;

export interface ProbeState extends ProbeVerdict {
  at: number;
  latencyMs: number;
  /** Since when the node has been answering, or not. */
  since: number;
}

export class ClusterMonitor {
  private readonly log: Logger;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly lastSeen = new Map<string, number>();
  private readonly probeStates = new Map<string, ProbeState>();
  private inputs: MonitorInputs;
  private evaluationTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private coverageTimer: NodeJS.Timeout | undefined;
  private readonly coverage: CoverageSource;
  private coverageError: string | null = null;
  private running = false;
  private readonly probeListeners = new Set<() => void>();
  evaluations = 0;
  lastError: string | null = null;

  constructor(readonly clusterId: string) {
    this.log = logger('alert-monitor', { clusterId });
    this.inputs = { clusterId, snapshot: undefined, pollError: null, metrics: undefined, probes: new Map() };
    this.coverage = new CoverageSource(clusterId);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const poller = clusterPoller(this.clusterId);
    this.unsubscribe.push(
      poller.subscribe((snapshot) => {
        this.inputs = { ...this.inputs, snapshot: snapshot.value, pollError: snapshot.pollError?.message ?? null };
        this.scheduleEvaluation();
      }),
    );
    if (clusterConfig(this.clusterId).metrics.enabled) {
      this.unsubscribe.push(
        collectorFor(this.clusterId).subscribe((latest) => {
          this.inputs = { ...this.inputs, metrics: latest };
          this.scheduleEvaluation();
        }),
      );
    }
    this.scheduleProbe(0);
    this.scheduleCoverage(0);
  }

  stop(): void {
    this.running = false;
    for (const off of this.unsubscribe.splice(0)) off();
    clearTimeout(this.evaluationTimer);
    clearTimeout(this.probeTimer);
    clearTimeout(this.coverageTimer);
  }

  /** The monitor's own verdict per node address. */
  get probes(): ReadonlyMap<string, ProbeState> {
    return this.probeStates;
  }

  onProbe(listener: () => void): () => void {
    this.probeListeners.add(listener);
    return () => this.probeListeners.delete(listener);
  }

  private scheduleEvaluation(): void {
    if (this.evaluationTimer || !this.running) return;
    this.evaluationTimer = setTimeout(() => {
      this.evaluationTimer = undefined;
      this.evaluateNow();
    }, COALESCE_MS);
    this.evaluationTimer.unref?.();
  }

  /** One evaluation with the inputs as they are; failures are logged and kept, the next input tries again. */
  evaluateNow(now = Date.now()): void {
    try {
      const db = getStore();
      const outcome = evaluateCluster({
        db,
        rules: rulesInForce(db).map((r) => r.rule),
        silences: listSilences(db),
        inputs: this.inputs,
        now,
        lastSeen: this.lastSeen,
      });
      this.evaluations++;
      if (this.lastError) this.log.info('alert evaluation succeeds again');
      this.lastError = null;
      for (const incident of outcome.opened)
        this.log.warn({ incidentId: incident.id, key: incident.key }, `incident opened: ${incident.title}`);
      for (const incident of outcome.resolved)
        this.log.info({ incidentId: incident.id, key: incident.key }, `incident resolved: ${incident.title}`);
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastError) this.log.error({ err: error }, `alert evaluation failed: ${message}`);
      this.lastError = message;
    }
  }

  private scheduleCoverage(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.coverageTimer);
    this.coverageTimer = setTimeout(() => void this.refreshCoverage(), delayMs);
    this.coverageTimer.unref?.();
  }

  /**
   * Each table's repair state against its gc_grace_seconds, for the repair-overdue rule — worked out
   * only while such a rule applies to this cluster, and only once the cluster has been read.
   */
  async refreshCoverage(now = Date.now()): Promise<void> {
    let next = REPAIR_COVERAGE_INTERVAL_MS;
    try {
      const wanted = rulesInForce(getStore()).some(
        (r) => r.rule.kind === 'repair-overdue' && ruleAppliesTo(r.rule, this.clusterId),
      );
      if (!wanted) {
        if (this.inputs.repairCoverage) this.inputs = { ...this.inputs, repairCoverage: undefined };
        return;
      }
      const snapshot = this.inputs.snapshot;
      if (!snapshot || snapshot.error || this.inputs.pollError) {
        next = 5000;
        return;
      }
      const schemaKey = snapshot.schemaVersions
        .map((v) => v.version)
        .sort()
        .join(',');
      this.inputs = { ...this.inputs, repairCoverage: await this.coverage.coverage(schemaKey, now) };
      if (this.coverageError) this.log.info('repair coverage is read again');
      this.coverageError = null;
      this.scheduleEvaluation();
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.coverageError)
        this.log.warn({ err: error }, `cannot work out repair coverage (gc_grace_seconds): ${message}`);
      this.coverageError = message;
    } finally {
      this.scheduleCoverage(next);
    }
  }

  private scheduleProbe(delayMs: number): void {
    if (!this.running) return;
    this.probeTimer = setTimeout(() => void this.probeAll(), delayMs);
    this.probeTimer.unref?.();
  }

  private async probeAll(): Promise<void> {
    const started = Date.now();
    const { probeIntervalMs, probeTimeoutMs } = config().alerts;
    const cluster = clusterConfig(this.clusterId);
    const addresses = this.inputs.snapshot?.nodes.map((n) => n.address) ?? [];
    try {
      const results = await Promise.all(addresses.map((address) => probeCql(cluster, address, probeTimeoutMs)));
      const now = Date.now();
      let changed = false;
      addresses.forEach((address, i) => {
        const result = results[i]!;
        const before = this.probeStates.get(address);
        const flipped = before?.answering !== result.answering;
        if (flipped && before)
          this.log[result.answering ? 'info' : 'warn'](
            { node: address, reason: result.reason },
            result.answering ? `${address} answers CQL again` : `${address} is not answering: ${result.reason}`,
          );
        changed ||= flipped;
        this.probeStates.set(address, { ...result, at: now, since: flipped ? now : (before?.since ?? now) });
      });
      for (const address of this.probeStates.keys()) if (!addresses.includes(address)) this.probeStates.delete(address);
      this.inputs = {
        ...this.inputs,
        probes: new Map(
          [...this.probeStates].map(([address, s]) => [address, { answering: s.answering, reason: s.reason }]),
        ),
      };
      if (changed) {
        this.scheduleEvaluation();
        for (const listener of this.probeListeners) listener();
        // A node that stops answering is worth a fresh look from the poller too (gossip may follow).
        clusterPoller(this.clusterId).nudge();
      }
    } finally {
      this.scheduleProbe(Math.max(0, probeIntervalMs - (Date.now() - started)));
    }
  }
}

const monitors = processSingleton('alert-monitors', () => new Map<string, ClusterMonitor>());

export function monitorFor(clusterId: string): ClusterMonitor | undefined {
  return monitors.get(clusterId);
}

/** One monitor per watched cluster (`alerts.monitorClusters`, else all), started with the server. */
export function startMonitors(): void {
  const { monitorClusters } = config().alerts;
  for (const cluster of config().clusters) {
    if (monitorClusters && !monitorClusters.includes(cluster.id)) continue;
    if (monitors.has(cluster.id)) continue;
    const monitor = new ClusterMonitor(cluster.id);
    monitors.set(cluster.id, monitor);
    monitor.start();
    logger('alert-monitor', { clusterId: cluster.id }).info(`alert monitor started for ${cluster.id}`);
  }
}

export function stopMonitors(): void {
  for (const monitor of monitors.values()) monitor.stop();
  monitors.clear();
}
