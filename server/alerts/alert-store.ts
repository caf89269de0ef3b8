import 'server-only';
/**
 * The alerts repository: instance states, incidents, silences and the rules added in the UI, in the
 * console's store. Instance states and incidents persist so that a restart neither fires again nor
 * forgets what fired. Callers pass the store so several writes share one transaction.
 */
import { z } from 'zod';
import type { Store } from '../store/database';
import { readRow, readRows } from '../store/rows';
import type { InstanceState } from './instance-state';
import { alertRuleSchema, severitySchema, type AlertRule, type Severity } from './rule-schema';
import { matcherSchema, type Silence } from './silences';

const labelsSchema = z.record(z.string(), z.string());
const json = <T extends z.ZodType>(schema: T) => z.string().transform((text) => schema.parse(JSON.parse(text)));

export interface StoredInstance {
  fingerprint: string;
  clusterId: string;
  ruleId: string;
  labels: Record<string, string>;
  state: InstanceState;
  since: number;
  firedAt: number | null;
  value: number | null;
  detail: string;
}

const instanceRow = z.object({
  fingerprint: z.string(),
  cluster: z.string(),
  rule_id: z.string(),
  labels: json(labelsSchema),
  state: z.enum(['normal', 'pending', 'firing', 'recovering']),
  since: z.number().int(),
  fired_at: z.number().int().nullable(),
  value: z.number().nullable(),
  detail: z.string(),
});

const toInstance = (row: z.output<typeof instanceRow>): StoredInstance => ({
  fingerprint: row.fingerprint,
  clusterId: row.cluster,
  ruleId: row.rule_id,
  labels: row.labels,
  state: row.state,
  since: row.since,
  firedAt: row.fired_at,
  value: row.value,
  detail: row.detail,
});

export function loadInstances(db: Store, clusterId: string): StoredInstance[] {
  return readRows(
    'alert_instances',
    instanceRow,
    db.prepare('SELECT * FROM alert_instances WHERE cluster = ?').all(clusterId),
  ).map(toInstance);
}

export function saveInstance(db: Store, instance: StoredInstance, now: number): void {
  db.prepare(
    `INSERT INTO alert_instances (fingerprint, cluster, rule_id, labels, state, since, fired_at, value, detail, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET state = excluded.state, since = excluded.since, fired_at = excluded.fired_at,
       value = excluded.value, detail = excluded.detail, labels = excluded.labels, updated_at = excluded.updated_at`,
  ).run(
    instance.fingerprint,
    instance.clusterId,
    instance.ruleId,
    JSON.stringify(instance.labels),
    instance.state,
    instance.since,
    instance.firedAt,
    instance.value,
    instance.detail,
    now,
  );
}

export function deleteInstance(db: Store, fingerprint: string): void {
  db.prepare('DELETE FROM alert_instances WHERE fingerprint = ?').run(fingerprint);
}

/** An alert as an incident lists it: a member (a cause) or a muted child. */
export const incidentAlertSchema = z.object({
  fingerprint: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  severity: severitySchema,
  labels: labelsSchema,
  state: z.enum(['normal', 'pending', 'firing', 'recovering']),
  firedAt: z.number().int().nullable(),
  detail: z.string(),
  /** The active silence it falls under, if any. */
  silencedBy: z.string().nullable(),
  /** For a muted child: the member that mutes it. */
  mutedBy: z.string().nullable(),
});
export type IncidentAlert = z.infer<typeof incidentAlertSchema>;

export interface Incident {
  id: string;
  clusterId: string;
  key: string;
  title: string;
  severity: Severity;
  state: 'firing' | 'resolved';
  openedAt: number;
  resolvedAt: number | null;
  notifiedFiring: boolean;
  notifiedResolved: boolean;
  members: IncidentAlert[];
  muted: IncidentAlert[];
}

const incidentRow = z.object({
  id: z.string(),
  cluster: z.string(),
  key: z.string(),
  title: z.string(),
  severity: severitySchema,
  state: z.enum(['firing', 'resolved']),
  opened_at: z.number().int(),
  resolved_at: z.number().int().nullable(),
  notified_firing: z.number().int(),
  notified_resolved: z.number().int(),
  members: json(z.array(incidentAlertSchema)),
  muted: json(z.array(incidentAlertSchema)),
});

const toIncident = (row: z.output<typeof incidentRow>): Incident => ({
  id: row.id,
  clusterId: row.cluster,
  key: row.key,
  title: row.title,
  severity: row.severity,
  state: row.state,
  openedAt: row.opened_at,
  resolvedAt: row.resolved_at,
  notifiedFiring: row.notified_firing === 1,
  notifiedResolved: row.notified_resolved === 1,
  members: row.members,
  muted: row.muted,
});

export function openIncidents(db: Store, clusterId: string): Incident[] {
  return readRows(
    'alert_incidents',
    incidentRow,
    db.prepare(`SELECT * FROM alert_incidents WHERE cluster = ? AND state = 'firing'`).all(clusterId),
  ).map(toIncident);
}

export function saveIncident(db: Store, incident: Incident, now: number): void {
  db.prepare(
    `INSERT INTO alert_incidents (id, cluster, key, title, severity, state, opened_at, resolved_at, notified_firing,
       notified_resolved, members, muted, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, severity = excluded.severity, state = excluded.state,
       resolved_at = excluded.resolved_at, notified_firing = excluded.notified_firing,
       notified_resolved = excluded.notified_resolved, members = excluded.members, muted = excluded.muted,
       updated_at = excluded.updated_at`,
  ).run(
    incident.id,
    incident.clusterId,
    incident.key,
    incident.title,
    incident.severity,
    incident.state,
    incident.openedAt,
    incident.resolvedAt,
    incident.notifiedFiring ? 1 : 0,
    incident.notifiedResolved ? 1 : 0,
    JSON.stringify(incident.members),
    JSON.stringify(incident.muted),
    now,
  );
}

export const incidentFilterSchema = z.object({
  clusterId: z.string(),
  state: z.enum(['firing', 'resolved']).optional(),
  beforeOpenedAt: z.number().int().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export function listIncidents(db: Store, filter: z.output<typeof incidentFilterSchema>): Incident[] {
  const where = ['cluster = ?'];
  const params: (string | number)[] = [filter.clusterId];
  if (filter.state) {
    where.push('state = ?');
    params.push(filter.state);
  }
  if (filter.beforeOpenedAt !== undefined) {
    where.push('opened_at < ?');
    params.push(filter.beforeOpenedAt);
  }
  return readRows(
    'alert_incidents',
    incidentRow,
    db
      .prepare(`SELECT * FROM alert_incidents WHERE ${where.join(' AND ')} ORDER BY opened_at DESC LIMIT ?`)
      .all(...params, filter.limit),
  ).map(toIncident);
}

/**
 * The incidents that opened or resolved most recently, newest change first: an incident open for a
 * week and resolved a minute ago is recent news, which an order by opening time would bury.
 */
export function latestIncidentChanges(db: Store, clusterId: string, limit: number): Incident[] {
  return readRows(
    'alert_incidents',
    incidentRow,
    db
      .prepare(
        'SELECT * FROM alert_incidents WHERE cluster = ? ORDER BY MAX(opened_at, COALESCE(resolved_at, 0)) DESC LIMIT ?',
      )
      .all(clusterId, limit),
  ).map(toIncident);
}

export function getIncident(db: Store, id: string): Incident | undefined {
  const row = readRow('alert_incidents', incidentRow, db.prepare('SELECT * FROM alert_incidents WHERE id = ?').get(id));
  return row ? toIncident(row) : undefined;
}

const silenceRow = z.object({
  id: z.string(),
  matchers: json(z.array(matcherSchema)),
  starts_at: z.number().int(),
  ends_at: z.number().int(),
  created_by: z.string(),
  comment: z.string(),
  created_at: z.number().int(),
  expired_at: z.number().int().nullable(),
});

export function listSilences(db: Store): Silence[] {
  return readRows(
    'alert_silences',
    silenceRow,
    db.prepare('SELECT * FROM alert_silences ORDER BY starts_at DESC').all(),
  ).map((row) => ({
    id: row.id,
    matchers: row.matchers,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdBy: row.created_by,
    comment: row.comment,
    createdAt: row.created_at,
    expiredAt: row.expired_at,
  }));
}

export function insertSilence(db: Store, silence: Silence): void {
  db.prepare(
    `INSERT INTO alert_silences (id, matchers, starts_at, ends_at, created_by, comment, created_at, expired_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    silence.id,
    JSON.stringify(silence.matchers),
    silence.startsAt,
    silence.endsAt,
    silence.createdBy,
    silence.comment,
    silence.createdAt,
    silence.expiredAt,
  );
}

/** Ends a silence now; false when there is none by that id or it had already ended. */
export function expireSilence(db: Store, id: string, now: number): boolean {
  return (
    db
      .prepare('UPDATE alert_silences SET expired_at = ? WHERE id = ? AND expired_at IS NULL AND ends_at > ?')
      .run(now, id, now).changes > 0
  );
}

export function listUiRules(db: Store): AlertRule[] {
  return readRows(
    'alert_rules',
    z.object({ body: json(alertRuleSchema) }),
    db.prepare('SELECT body FROM alert_rules ORDER BY id').all(),
  ).map((row) => row.body);
}

export function saveUiRule(db: Store, rule: AlertRule, updatedBy: string, now: number): void {
  db.prepare(
    `INSERT INTO alert_rules (id, body, updated_by, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(rule.id, JSON.stringify(rule), updatedBy, now);
}

export function deleteUiRule(db: Store, id: string): boolean {
  return db.prepare('DELETE FROM alert_rules WHERE id = ?').run(id).changes > 0;
}
