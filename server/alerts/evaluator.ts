import 'server-only';
/**
 * One evaluation of one cluster, in one transaction: every rule's observations move their instances
 * on (instance-state.ts), the active ones are sorted into incidents (correlate.ts), and an incident
 * that opens or ends queues its notification in the outbox (server/notify) within the same
 * transaction — a crash can lose neither the state change nor the page it owes.
 *
 * An incident pages once when it opens (unless every alert in it is silenced: then it pages when the
 * first silence ends, if it still fires) and once when it ends (only if it paged); alerts that join
 * it later update it without paging again.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/database';
import { enqueueNotification } from '../notify/notification';
import {
  deleteInstance,
  loadInstances,
  openIncidents,
  saveIncident,
  saveInstance,
  type Incident,
  type IncidentAlert,
  type StoredInstance,
} from './alert-store';
import { correlate, type ActiveInstance, type IncidentGroup } from './correlate';
import { incidentNotification } from './incident-notification';
import { isActive, stepInstance } from './instance-state';
import { fingerprintOf, observe, type MonitorInputs } from './observations';
import { ruleAppliesTo, SEVERITIES, type AlertRule } from './rule-schema';
import { silencedBy, type Silence } from './silences';

/** An instance not observed at all for this long (its node removed, its metric gone) is dropped, resolving it. */
export const STALE_AFTER_MS = 10 * 60_000;

export interface EvaluationContext {
  db: Store;
  rules: readonly AlertRule[];
  silences: readonly Silence[];
  inputs: MonitorInputs;
  now: number;
  /** Fingerprint → when last observed; kept by the caller between evaluations (memory only). */
  lastSeen: Map<string, number>;
}

export interface EvaluationOutcome {
  opened: Incident[];
  resolved: Incident[];
  notified: { type: string; incidentId: string }[];
}

function updateInstances(ctx: EvaluationContext, rules: readonly AlertRule[]): StoredInstance[] {
  const { db, inputs, now, lastSeen } = ctx;
  const clusterId = inputs.clusterId;
  const stored = new Map(loadInstances(db, clusterId).map((i) => [i.fingerprint, i]));
  for (const fingerprint of stored.keys()) if (!lastSeen.has(fingerprint)) lastSeen.set(fingerprint, now);
  const observed = new Set<string>();
  for (const rule of rules) {
    for (const seen of observe(rule, inputs)) {
      const fingerprint = fingerprintOf(seen.labels);
      observed.add(fingerprint);
      if (seen.observation !== 'unknown') lastSeen.set(fingerprint, now);
      const before = stored.get(fingerprint);
      const { next } = stepInstance(
        before ?? { state: 'normal', since: now, firedAt: null },
        seen.observation,
        rule,
        now,
      );
      if (next.state === 'normal') {
        if (before) deleteInstance(db, fingerprint);
        stored.delete(fingerprint);
        lastSeen.delete(fingerprint);
        continue;
      }
      const instance: StoredInstance = {
        fingerprint,
        clusterId,
        ruleId: rule.id,
        labels: seen.labels,
        ...next,
        value: seen.value,
        detail: seen.detail,
      };
      const changed =
        !before ||
        before.state !== instance.state ||
        before.since !== instance.since ||
        before.detail !== instance.detail;
      if (changed) saveInstance(db, instance, now);
      stored.set(fingerprint, instance);
    }
  }
  const ruleIds = new Set(rules.map((r) => r.id));
  for (const [fingerprint, instance] of stored) {
    const gone = !ruleIds.has(instance.ruleId) || now - (lastSeen.get(fingerprint) ?? now) > STALE_AFTER_MS;
    if (gone && !observed.has(fingerprint)) {
      deleteInstance(db, fingerprint);
      stored.delete(fingerprint);
      lastSeen.delete(fingerprint);
    }
  }
  return [...stored.values()];
}

function incidentAlert(
  instance: ActiveInstance,
  stored: StoredInstance,
  silences: readonly Silence[],
  now: number,
  mutedBy: string | null,
): IncidentAlert {
  return {
    fingerprint: instance.fingerprint,
    ruleId: instance.rule.id,
    ruleName: instance.rule.name,
    severity: instance.rule.severity,
    labels: instance.labels,
    state: stored.state,
    firedAt: stored.firedAt,
    detail: stored.detail,
    silencedBy: silencedBy(instance.labels, silences, now)?.id ?? null,
    mutedBy,
  };
}

function titleOf(group: IncidentGroup): string {
  const nodes = [...new Set(group.members.map((m) => m.labels.node).filter((n): n is string => n !== undefined))];
  const unreachable = group.members.some((m) => m.rule.kind === 'cluster-unreachable');
  if (unreachable) return 'Cluster unreachable';
  const first = group.members[0];
  if (group.key.endsWith('/availability'))
    return `Node${nodes.length > 1 ? 's' : ''} down or not answering: ${nodes.join(', ')}`;
  return `${first?.rule.name ?? group.key}${nodes.length ? `: ${nodes.join(', ')}` : ''}`;
}

const worst = (alerts: IncidentAlert[]) => SEVERITIES.find((s) => alerts.some((a) => a.severity === s)) ?? 'info';

export function evaluateCluster(ctx: EvaluationContext): EvaluationOutcome {
  const { db, now, inputs } = ctx;
  const rules = ctx.rules.filter((r) => ruleAppliesTo(r, inputs.clusterId));
  const byId = new Map(rules.map((r) => [r.id, r]));
  return db.transaction((): EvaluationOutcome => {
    const outcome: EvaluationOutcome = { opened: [], resolved: [], notified: [] };
    const instances = updateInstances(ctx, rules);
    const storedBy = new Map(instances.map((i) => [i.fingerprint, i]));
    const active: ActiveInstance[] = instances.flatMap((i) => {
      const rule = byId.get(i.ruleId);
      return rule && isActive(i.state) ? [{ fingerprint: i.fingerprint, rule, labels: i.labels }] : [];
    });
    const open = new Map(openIncidents(db, inputs.clusterId).map((i) => [i.key, i]));
    const notify = (incident: Incident, type: 'alert.firing' | 'alert.resolved') => {
      enqueueNotification(db, incidentNotification(incident, type, now));
      outcome.notified.push({ type, incidentId: incident.id });
    };

    for (const group of correlate(active)) {
      const alertOf = (instance: ActiveInstance, mutedBy: string | null) =>
        incidentAlert(instance, storedBy.get(instance.fingerprint)!, ctx.silences, now, mutedBy);
      const members = group.members.map((m) => alertOf(m, null));
      const muted = group.muted.map((m) => alertOf(m.instance, m.mutedBy));
      const before = open.get(group.key);
      open.delete(group.key);
      const incident: Incident = {
        ...(before ?? {
          id: randomUUID(),
          clusterId: inputs.clusterId,
          key: group.key,
          state: 'firing' as const,
          openedAt: now,
          resolvedAt: null,
          notifiedFiring: false,
          notifiedResolved: false,
        }),
        title: titleOf(group),
        severity: worst(members),
        members,
        muted,
      };
      if (!before) outcome.opened.push(incident);
      if (!incident.notifiedFiring && members.some((m) => m.silencedBy === null)) {
        incident.notifiedFiring = true;
        notify(incident, 'alert.firing');
      }
      if (!before || JSON.stringify(before) !== JSON.stringify(incident)) saveIncident(db, incident, now);
    }

    for (const incident of open.values()) {
      const ended: Incident = { ...incident, state: 'resolved', resolvedAt: now };
      if (ended.notifiedFiring) {
        ended.notifiedResolved = true;
        notify(ended, 'alert.resolved');
      }
      saveIncident(db, ended, now);
      outcome.resolved.push(ended);
    }
    return outcome;
  })();
}
