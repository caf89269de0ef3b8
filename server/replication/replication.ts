/**
 * A keyspace's replication as Cassandra stores it (system_schema.keyspaces.replication), read
 * into a strategy and per-DC factors, and the warnings an operator should see about it. Pure.
 */
import { quote } from '@/lib/cql/quote';

export interface Replication {
  strategy: 'SimpleStrategy' | 'NetworkTopologyStrategy' | 'LocalStrategy' | 'EverywhereStrategy' | string;
  /** NetworkTopologyStrategy: factor per DC. SimpleStrategy: one factor under the key '*'. */
  factors: Record<string, number>;
}

/** What a warning is about, for code that acts on one kind (the advisor); the message is for people and may change. */
export type ReplicationWarningCode =
  | 'simple-strategy-multi-dc'
  | 'rf-above-cluster-nodes'
  | 'dc-without-nodes'
  | 'rf-above-dc-nodes'
  | 'dc-without-replica'
  | 'rf-one'
  | 'system-keyspace-default';

export interface ReplicationWarning {
  code: ReplicationWarningCode;
  severity: 'danger' | 'warning' | 'info';
  message: string;
  fix: string;
}

const SHORT = (cls: string) => cls.replace(/^org\.apache\.cassandra\.locator\./, '');

export function parseReplication(raw: Record<string, string>): Replication {
  const strategy = SHORT(raw.class ?? 'unknown');
  const factors: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'class') continue;
    // Transient replication writes "3/1"; the full count is what places replicas.
    const full = Number(String(value).split('/')[0]);
    if (!Number.isFinite(full)) continue;
    factors[strategy === 'SimpleStrategy' && key === 'replication_factor' ? '*' : key] = full;
  }
  return { strategy, factors };
}

/** System keyspaces whose defaults are wrong for a real cluster. */
const SYSTEM_DEFAULTS: Record<string, string> = {
  system_auth: 'logins fail when the only replica of a role is down',
  system_distributed: 'repair history and view build status are lost with a node',
  system_traces: 'traces are lost with a node',
};

export function replicationWarnings(
  keyspace: string,
  replication: Replication,
  nodesPerDc: Record<string, number>,
): ReplicationWarning[] {
  const warnings: ReplicationWarning[] = [];
  const dcs = Object.keys(nodesPerDc).sort();
  // Only called with names from `dcs` (or checked with `in`): a missing DC counts as no nodes.
  const nodesIn = (dc: string) => nodesPerDc[dc] ?? 0;
  const multiDc = dcs.length > 1;
  const { strategy, factors } = replication;
  if (strategy === 'LocalStrategy' || strategy === 'EverywhereStrategy') return warnings;

  const suggestedNts = `ALTER KEYSPACE ${quote(keyspace)} WITH replication = {'class': 'NetworkTopologyStrategy', ${dcs.map((dc) => `'${dc.replaceAll("'", "''")}': ${Math.min(3, nodesIn(dc))}`).join(', ')}}`;
  if (strategy === 'SimpleStrategy') {
    if (multiDc) {
      warnings.push({
        code: 'simple-strategy-multi-dc',
        severity: 'danger',
        message: `SimpleStrategy in a cluster of ${dcs.length} DCs (${dcs.join(', ')}): replicas are placed around the ring with no regard to DCs, so LOCAL_* consistency levels and DC failover do not work as expected.`,
        fix: `${suggestedNts}; then run a full repair of ${keyspace} on every node.`,
      });
    }
    const rf = factors['*'] ?? 0;
    const total = dcs.reduce((sum, dc) => sum + nodesIn(dc), 0);
    if (rf > total)
      warnings.push({
        code: 'rf-above-cluster-nodes',
        severity: 'danger',
        message: `replication factor ${rf} is more than the ${total} nodes of the cluster: writes at QUORUM and above fail.`,
        fix: `lower it to ${total} or add nodes.`,
      });
  } else {
    for (const [dc, rf] of Object.entries(factors).sort()) {
      if (!(dc in nodesPerDc)) {
        warnings.push({
          code: 'dc-without-nodes',
          severity: 'warning',
          message: `replicates to DC ${dc}, which has no nodes: those replicas do not exist.`,
          fix: `remove '${dc}' from the replication or bring the DC up.`,
        });
      } else if (rf > nodesIn(dc)) {
        warnings.push({
          code: 'rf-above-dc-nodes',
          severity: 'danger',
          message: `replication factor ${rf} in ${dc} is more than its ${nodesIn(dc)} node(s): LOCAL_QUORUM writes and reads in ${dc} fail.`,
          fix: `lower ${dc} to ${nodesIn(dc)} or add nodes to ${dc}.`,
        });
      }
    }
    for (const dc of dcs) {
      if (!(dc in factors) || factors[dc] === 0) {
        warnings.push({
          code: 'dc-without-replica',
          severity: 'info',
          message: `DC ${dc} holds no replica: its clients read ${keyspace} across DCs.`,
          fix: `add '${dc}': ${Math.min(3, nodesIn(dc))} if ${dc} serves this data.`,
        });
      }
    }
  }

  const replicated = Object.entries(factors).filter(([dc]) => dc === '*' || dc in nodesPerDc);
  const onlyOne = replicated.length > 0 && replicated.every(([, rf]) => rf === 1);
  if (onlyOne && !(keyspace in SYSTEM_DEFAULTS)) {
    warnings.push({
      code: 'rf-one',
      severity: 'warning',
      message:
        'replication factor 1: every node is a single point of failure for its ranges, and no repair can restore a lost replica.',
      fix: 'use 3 per DC where the DC has 3 nodes or more.',
    });
  }
  if (keyspace in SYSTEM_DEFAULTS && (strategy === 'SimpleStrategy' || Object.values(factors).every((rf) => rf < 3))) {
    warnings.push({
      code: 'system-keyspace-default',
      severity: keyspace === 'system_auth' ? 'danger' : 'warning',
      message: `${keyspace} is left at its default (${strategy}, ${Object.entries(factors)
        .map(([dc, rf]) => `${dc === '*' ? 'rf' : dc} ${rf}`)
        .join(', ')}): ${SYSTEM_DEFAULTS[keyspace]}.`,
      fix: `${suggestedNts}; then repair ${keyspace} on every node.`,
    });
  }
  return warnings;
}
