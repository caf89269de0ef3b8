/**
 * The replication editor's logic: the ALTER KEYSPACE statement for a new replication, and what an
 * operator must run afterwards for the data to follow (repair where replicas were added, rebuild
 * for a DC that gets its first replicas, cleanup where replicas were removed). Pure.
 */
import { quote } from '@/lib/cql/quote';
import type { Replication } from './replication';

export interface ReplicationChange {
  statement: string;
  /** Steps in order, each naming the nodetool command and where to run it. */
  nextSteps: string[];
  changed: boolean;
}

export function alterStatement(keyspace: string, target: Replication): string {
  const body =
    target.strategy === 'SimpleStrategy'
      ? `'class': 'SimpleStrategy', 'replication_factor': ${target.factors['*'] ?? 1}`
      : [
          `'class': '${target.strategy}'`,
          ...Object.entries(target.factors)
            .sort()
            .map(([dc, rf]) => `'${dc.replaceAll("'", "''")}': ${rf}`),
        ].join(', ');
  return `ALTER KEYSPACE ${quote(keyspace)} WITH replication = {${body}}`;
}

export function planReplicationChange(
  keyspace: string,
  current: Replication,
  target: Replication,
  dcs: string[],
): ReplicationChange {
  const statement = alterStatement(keyspace, target);
  const steps: string[] = [];
  const perDc = (r: Replication, dc: string) =>
    r.strategy === 'SimpleStrategy' ? (r.factors['*'] ?? 0) : (r.factors[dc] ?? 0);
  const strategyChanged = current.strategy !== target.strategy;
  if (strategyChanged) {
    steps.push(
      `Run a full repair of ${keyspace} on every node, one node at a time: nodetool repair -full ${keyspace}. Replica placement changed from ${current.strategy} to ${target.strategy}, so data may be missing from its new replicas until then.`,
    );
  } else {
    for (const dc of dcs) {
      const before = perDc(current, dc);
      const after = perDc(target, dc);
      if (before === 0 && after > 0) {
        steps.push(
          `On each node of ${dc}: nodetool rebuild -ks ${keyspace} -- <an existing DC> (streams ${keyspace} into ${dc}, which had no replica), then nodetool repair -full ${keyspace}.`,
        );
      } else if (after > before) {
        steps.push(
          `On each node of ${dc}, one at a time: nodetool repair -full ${keyspace} (the factor in ${dc} grew from ${before} to ${after}: new replicas start empty, and reads at ONE or LOCAL_ONE may miss data until repaired).`,
        );
      } else if (after < before) {
        steps.push(
          `On each node of ${dc}: nodetool cleanup ${keyspace} (the factor in ${dc} fell from ${before} to ${after}; cleanup frees the data nodes no longer own).`,
        );
      }
    }
  }
  const changed =
    strategyChanged ||
    dcs.some((dc) => perDc(current, dc) !== perDc(target, dc)) ||
    Object.keys(target.factors).some((dc) => perDc(current, dc) !== perDc(target, dc));
  return { statement, nextSteps: changed ? steps : [], changed };
}
