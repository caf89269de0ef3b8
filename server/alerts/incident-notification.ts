import 'server-only';
/** An incident as a notification (server/notify): one for its firing, one for its resolving, same dedup key. */
import { createHash, randomUUID } from 'node:crypto';
import type { NotificationInput } from '../notify/notification';
import type { Incident, IncidentAlert } from './alert-store';

const PAYLOAD_VERSION = 1;

/** Alertmanager's fingerprints are hex hashes of the label set; receivers written for it expect one. */
const hexFingerprint = (fingerprint: string) => createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);

function amAlert(alert: IncidentAlert, incident: Incident, resolved: boolean, now: number) {
  return {
    status: resolved ? ('resolved' as const) : ('firing' as const),
    labels: { ...alert.labels, alertname: alert.ruleId, severity: alert.severity },
    annotations: {
      summary: alert.detail,
      rule: alert.ruleName,
      incident: incident.id,
      ...(alert.mutedBy ? { muted_by: alert.mutedBy } : {}),
      ...(alert.silencedBy ? { silenced_by: alert.silencedBy } : {}),
    },
    startsAt: alert.firedAt ?? incident.openedAt,
    endsAt: resolved ? (incident.resolvedAt ?? now) : null,
    fingerprint: hexFingerprint(alert.fingerprint),
  };
}

export function incidentNotification(
  incident: Incident,
  type: 'alert.firing' | 'alert.resolved',
  now: number,
): NotificationInput {
  const resolved = type === 'alert.resolved';
  const others = incident.members.length - 1;
  return {
    id: randomUUID(),
    type,
    clusterId: incident.clusterId,
    occurredAt: now,
    severity: resolved ? 'info' : incident.severity,
    summary:
      `[${resolved ? 'RESOLVED' : 'FIRING'}] ${incident.clusterId}: ${incident.title}${others > 0 ? ` (${incident.members.length} alerts)` : ''}`.slice(
        0,
        1024,
      ),
    dedupKey: incident.id,
    alerts: incident.members.map((alert) => amAlert(alert, incident, resolved, now)),
    data: {
      version: PAYLOAD_VERSION,
      incident: {
        id: incident.id,
        key: incident.key,
        cluster: incident.clusterId,
        title: incident.title,
        severity: incident.severity,
        state: incident.state,
        openedAt: new Date(incident.openedAt).toISOString(),
        resolvedAt: incident.resolvedAt === null ? null : new Date(incident.resolvedAt).toISOString(),
        alerts: incident.members,
        muted: incident.muted,
      },
    },
  };
}
