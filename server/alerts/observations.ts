/**
 * What one evaluation sees, per rule and per node (or per cluster): turns the shared poller's
 * snapshot, the collector's latest values and the monitor's own probes into one observation per
 * alert instance. Pure.
 */
import type { LatestValues } from '../metrics/collector';
import type { ClusterSnapshot } from '../nodes/snapshot';
import { statusLine, type RepairCoverage } from '../repair/gc-grace';
import type { Observation } from './instance-state';
import type { AlertRule, ThresholdRule } from './rule-schema';

/** The monitor's own verdict on a node: does it answer a CQL request within the probe's time-out? */
export interface ProbeVerdict {
  answering: boolean;
  /** Why not, in words (timed out, refused). */
  reason: string | null;
}

export interface MonitorInputs {
  clusterId: string;
  /** The latest poll; absent before the first. */
  snapshot: ClusterSnapshot | undefined;
  /** The poll itself failed (distinct from a snapshot that carries a CQL error). */
  pollError: string | null;
  metrics: LatestValues | undefined;
  probes: ReadonlyMap<string, ProbeVerdict>;
  /** Each table's last full repair against its gc_grace_seconds; absent until read, and while no rule asks for it. */
  repairCoverage?: RepairCoverage;
}

export type AlertLabels = Record<string, string>;

export interface InstanceObservation {
  ruleId: string;
  labels: AlertLabels;
  observation: Observation;
  value: number | null;
  /** One line on what was seen, for the incident and the notification. */
  detail: string;
}

export function fingerprintOf(labels: AlertLabels): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

function nodeLabels(
  rule: AlertRule,
  clusterId: string,
  node: { address: string; dc: string | null; rack: string | null },
) {
  const labels: AlertLabels = { alertname: rule.id, cluster: clusterId, node: node.address };
  if (node.dc) labels.dc = node.dc;
  if (node.rack) labels.rack = node.rack;
  return labels;
}

function cqlUnreachable(inputs: MonitorInputs): string | null {
  return inputs.pollError ?? inputs.snapshot?.error ?? null;
}

function thresholdObservation(rule: ThresholdRule, value: number): Observation {
  if (rule.op === '>' ? value > rule.threshold : value < rule.threshold) return 'breach';
  if (rule.recoverAt === undefined) return 'clear';
  // Between the recovery line and the threshold the condition stays as it was (hysteresis).
  const recovered = rule.op === '>' ? value <= rule.recoverAt : value >= rule.recoverAt;
  return recovered ? 'clear' : 'hold';
}

export function observe(rule: AlertRule, inputs: MonitorInputs): InstanceObservation[] {
  const { clusterId, snapshot } = inputs;
  const unreachable = cqlUnreachable(inputs);
  // While the cluster cannot be read, node rows are the last ones seen: they say nothing new.
  const nodes = snapshot && !unreachable ? snapshot.nodes : [];
  switch (rule.kind) {
    case 'cluster-unreachable':
      if (!snapshot && !inputs.pollError) return [];
      return [
        {
          ruleId: rule.id,
          labels: { alertname: rule.id, cluster: clusterId },
          observation: unreachable ? 'breach' : 'clear',
          value: null,
          detail: unreachable ?? 'CQL answers',
        },
      ];
    case 'node-down':
      return nodes.map((node) => ({
        ruleId: rule.id,
        labels: nodeLabels(rule, clusterId, node),
        observation: node.status === 'Down' ? 'breach' : node.status === 'Up' ? 'clear' : 'unknown',
        value: null,
        detail:
          node.status === 'Down'
            ? `${node.address} is Down (${node.downReason === 'gossip' ? `seen down by ${node.seenDownBy.join(', ') || 'its peers'}` : (node.downReason ?? 'reason unknown')})`
            : `${node.address} is ${node.status}`,
      }));
    case 'node-not-answering':
      return (snapshot?.nodes ?? []).flatMap((node) => {
        const verdict = inputs.probes.get(node.address);
        if (!verdict) return [];
        return [
          {
            ruleId: rule.id,
            labels: nodeLabels(rule, clusterId, node),
            observation: verdict.answering ? 'clear' : 'breach',
            value: null,
            detail: verdict.answering
              ? `${node.address} answers CQL`
              : `${node.address} does not answer CQL: ${verdict.reason ?? 'no answer'}`,
          },
        ];
      });
    case 'agent-unreachable':
      // A down node's agent is gone too: that alert is then muted under the node's (correlate.ts).
      return nodes
        .filter((node) => node.status !== 'Unknown')
        .map((node) => ({
          ruleId: rule.id,
          labels: nodeLabels(rule, clusterId, node),
          observation: node.jolokiaError ? 'breach' : 'clear',
          value: null,
          detail: node.jolokiaError ?? `${node.address}'s stats agent answers`,
        }));
    case 'schema-disagreement': {
      if (!snapshot || unreachable) return [];
      const versions = snapshot.schemaVersions.length;
      return [
        {
          ruleId: rule.id,
          labels: { alertname: rule.id, cluster: clusterId },
          observation: versions > 1 ? 'breach' : versions === 1 ? 'clear' : 'unknown',
          value: versions,
          detail:
            versions > 1
              ? `${versions} schema versions: ${snapshot.schemaVersions.map((v) => `${v.version.slice(0, 8)} on ${v.addresses.join(', ')}`).join('; ')}`
              : 'schema in agreement',
        },
      ];
    }
    case 'repair-overdue':
      // Not read yet, or the cluster unreadable: nothing new is known (no timer runs out on it).
      if (!inputs.repairCoverage || unreachable) return [];
      return inputs.repairCoverage.tables.map((table) => ({
        ruleId: rule.id,
        labels: { alertname: rule.id, cluster: clusterId, keyspace: table.keyspace, table: table.table },
        observation: table.overdue ? 'breach' : 'clear',
        value: table.gcGraceSeconds,
        detail: statusLine(table),
      }));
    case 'metric-threshold': {
      const byNode = inputs.metrics?.byNode ?? {};
      const placement = inputs.metrics?.placement ?? {};
      return Object.entries(byNode).flatMap(([address, values]) => {
        const value = values[rule.metric];
        if (value === undefined || !Number.isFinite(value)) return [];
        const where = placement[address] ?? { dc: null, rack: null };
        return [
          {
            ruleId: rule.id,
            labels: nodeLabels(rule, clusterId, { address, ...where }),
            observation: thresholdObservation(rule, value),
            value,
            detail: `${rule.metric} on ${address} is ${value} (fires ${rule.op} ${rule.threshold}${rule.recoverAt === undefined ? '' : `, clears past ${rule.recoverAt}`})`,
          },
        ];
      });
    }
  }
}
