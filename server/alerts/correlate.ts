/**
 * One incident per cause. Active alert instances (Firing or Recovering) are sorted into incidents:
 *   - a cluster that cannot be reached mutes every other alert of that cluster;
 *   - a node that is down or not answering mutes its own other alerts (agent, latency, …) and its
 *     peers' "hints being written" alerts, which are hints stored for it;
 *   - nodes failing together are one availability incident listing them; other rules group by rule,
 *     so ten nodes with too many pending compactions are one incident, not ten.
 * A muted instance is not dropped: it is listed under the incident of what muted it. Pure.
 */
import type { AlertLabels } from './observations';
import type { AlertRule } from './rule-schema';

export interface ActiveInstance {
  fingerprint: string;
  rule: AlertRule;
  labels: AlertLabels;
}

export interface Muted {
  instance: ActiveInstance;
  /** The fingerprint of the instance that mutes it. */
  mutedBy: string;
}

export interface IncidentGroup {
  /** Stable while the cause lasts: `<cluster>/availability` or `<cluster>/rule/<rule id>`. */
  key: string;
  clusterId: string;
  members: ActiveInstance[];
  muted: Muted[];
}

const NODE_FAILURE_KINDS = new Set(['node-down', 'node-not-answering']);
const AVAILABILITY_KINDS = new Set(['node-down', 'node-not-answering', 'cluster-unreachable']);

function keyOf(instance: ActiveInstance): string {
  const cluster = instance.labels.cluster ?? '';
  return AVAILABILITY_KINDS.has(instance.rule.kind) ? `${cluster}/availability` : `${cluster}/rule/${instance.rule.id}`;
}

const hintsRule = (rule: AlertRule) => rule.kind === 'metric-threshold' && rule.metric.startsWith('hints.');

/** What mutes `instance`, if anything among `active`. */
function muterOf(instance: ActiveInstance, active: readonly ActiveInstance[]): ActiveInstance | undefined {
  const cluster = instance.labels.cluster;
  if (instance.rule.kind === 'cluster-unreachable') return undefined;
  const clusterDown = active.find((a) => a.rule.kind === 'cluster-unreachable' && a.labels.cluster === cluster);
  if (clusterDown) return clusterDown;
  if (NODE_FAILURE_KINDS.has(instance.rule.kind)) return undefined;
  const failedNodes = active.filter((a) => NODE_FAILURE_KINDS.has(a.rule.kind) && a.labels.cluster === cluster);
  const own = failedNodes.find((a) => a.labels.node !== undefined && a.labels.node === instance.labels.node);
  if (own) return own;
  if (hintsRule(instance.rule)) return failedNodes.find((a) => a.labels.node !== instance.labels.node);
  return undefined;
}

export function correlate(active: readonly ActiveInstance[]): IncidentGroup[] {
  const groups = new Map<string, IncidentGroup>();
  const groupFor = (instance: ActiveInstance) => {
    const key = keyOf(instance);
    let group = groups.get(key);
    if (!group) {
      group = { key, clusterId: instance.labels.cluster ?? '', members: [], muted: [] };
      groups.set(key, group);
    }
    return group;
  };
  const mutedBy = new Map<ActiveInstance, ActiveInstance>();
  for (const instance of active) {
    const muter = muterOf(instance, active);
    if (muter) mutedBy.set(instance, muter);
    else groupFor(instance).members.push(instance);
  }
  for (const [instance, muter] of mutedBy) groupFor(muter).muted.push({ instance, mutedBy: muter.fingerprint });
  return [...groups.values()];
}
