/**
 * The rules every console starts with (`alerts.starterRules`, on by default): the Cassandra basics,
 * with AxonOps's catalogue and OpsCenter's defaults as the guide for the lines. Latencies are in
 * microseconds and rates per second, as the collector stores them.
 */
import type { AlertRuleInput } from './rule-schema';

export const STARTER_RULES: AlertRuleInput[] = [
  { id: 'node-down', name: 'Node down', kind: 'node-down', severity: 'critical', forSeconds: 0 },
  {
    id: 'node-not-answering',
    name: 'Node not answering',
    kind: 'node-not-answering',
    severity: 'critical',
    forSeconds: 0,
  },
  {
    id: 'agent-unreachable',
    name: 'Stats agent unreachable',
    kind: 'agent-unreachable',
    severity: 'warning',
    forSeconds: 30,
  },
  {
    id: 'cluster-unreachable',
    name: 'Cluster unreachable',
    kind: 'cluster-unreachable',
    severity: 'critical',
    forSeconds: 0,
  },
  {
    id: 'schema-disagreement',
    name: 'Schema disagreement',
    kind: 'schema-disagreement',
    severity: 'warning',
    forSeconds: 120,
  },
  {
    // Off unless turned on: it knows only repairs run through Ringside, so on a cluster repaired by
    // Reaper or cron'd nodetool it would page for every table. Turn it on (the alerts page: a rule with
    // this id, enabled) where Ringside's schedules do the repairs.
    id: 'repair-overdue',
    name: 'Table not repaired within gc_grace_seconds',
    kind: 'repair-overdue',
    severity: 'warning',
    enabled: false,
    forSeconds: 0,
  },
  {
    id: 'read-latency-p99',
    name: 'Coordinator read p99 above 1 s',
    kind: 'metric-threshold',
    metric: 'client.read.p99',
    op: '>',
    threshold: 1_000_000,
    recoverAt: 800_000,
    severity: 'warning',
    forSeconds: 300,
    keepFiringForSeconds: 120,
  },
  {
    id: 'write-latency-p99',
    name: 'Coordinator write p99 above 500 ms',
    kind: 'metric-threshold',
    metric: 'client.write.p99',
    op: '>',
    threshold: 500_000,
    recoverAt: 400_000,
    severity: 'warning',
    forSeconds: 300,
    keepFiringForSeconds: 120,
  },
  {
    id: 'pending-compactions',
    name: 'Pending compactions above 100',
    kind: 'metric-threshold',
    metric: 'compaction.pending',
    op: '>',
    threshold: 100,
    recoverAt: 50,
    severity: 'warning',
    forSeconds: 900,
  },
  {
    id: 'dropped-messages',
    name: 'Messages dropped',
    kind: 'metric-threshold',
    metric: 'dropped.rate',
    op: '>',
    threshold: 0,
    severity: 'error',
    forSeconds: 30,
    keepFiringForSeconds: 300,
  },
  {
    id: 'hints-growing',
    name: 'Hints being written',
    kind: 'metric-threshold',
    metric: 'hints.rate',
    op: '>',
    threshold: 50,
    recoverAt: 5,
    severity: 'warning',
    forSeconds: 600,
  },
];
