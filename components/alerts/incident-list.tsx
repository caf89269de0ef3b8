/**
 * The firing incidents: each with its severity in words, when it opened, every member alert (rule,
 * node, state, what was seen, the silence it falls under) and, under each member, the alerts it mutes.
 */
import { formatLocalTime } from '@/components/admin/audit-filter';
import { AlertStateBadge, SeverityBadge, SilencedIcon, StatusBadge } from '@/components/ui/status-badge';
import {
  formatAge,
  nestMuted,
  silenceComment,
  subjectOf,
  type Incident,
  type IncidentAlert,
  type SilenceView,
} from './alert-format';

function SilencedNote({ alert, silences }: { alert: IncidentAlert; silences: readonly SilenceView[] }) {
  if (!alert.silencedBy) return null;
  return (
    <StatusBadge tone="neutral" icon={SilencedIcon} className="silenced" testId="member-silenced">
      silenced by {silenceComment(alert.silencedBy, silences)}
    </StatusBadge>
  );
}

function MutedAlert({
  alert,
  mutedBy,
  silences,
}: {
  alert: IncidentAlert;
  mutedBy: string;
  silences: readonly SilenceView[];
}) {
  return (
    <li className="muted-alert" data-testid="incident-muted" data-node={alert.labels.node}>
      <span data-testid="muted-rule">{alert.ruleName}</span> on <span data-testid="muted-node">{subjectOf(alert)}</span>
      {alert.detail ? <span className="muted"> — {alert.detail}</span> : null}{' '}
      <span className="muted-by" data-testid="muted-by">
        {mutedBy}
      </span>{' '}
      <SilencedNote alert={alert} silences={silences} />
    </li>
  );
}

export function IncidentCard({
  incident,
  silences,
  now,
  onSilence,
}: {
  incident: Incident;
  silences: readonly SilenceView[];
  now: number;
  /** Opens the silence form for this alert; absent for those who may not make silences. */
  onSilence?(alert: IncidentAlert): void;
}) {
  const { members, orphans, mutedBy } = nestMuted(incident);
  return (
    <article
      className={`incident severity-${incident.severity}`}
      data-testid={`incident-${incident.id}`}
      aria-labelledby={`incident-title-${incident.id}`}
    >
      <header>
        <SeverityBadge value={incident.severity} testId="incident-severity" />{' '}
        <strong id={`incident-title-${incident.id}`} data-testid="incident-title">
          {incident.title}
        </strong>{' '}
        <span className="muted" data-testid="incident-opened" title={new Date(incident.openedAt).toISOString()}>
          opened {formatLocalTime(incident.openedAt)} ({formatAge(now - incident.openedAt)} ago)
          {incident.notifiedFiring ? ' · notified' : ' · not notified (every alert in it is silenced)'}
        </span>
      </header>
      <ul className="incident-members">
        {members.map(({ member, muted }) => (
          <li
            key={member.fingerprint}
            className="incident-member"
            data-testid="incident-member"
            data-node={member.labels.node}
          >
            <span data-testid="member-rule">{member.ruleName}</span> ·{' '}
            <span className="mono" data-testid="member-node">
              {subjectOf(member)}
            </span>{' '}
            · <AlertStateBadge value={member.state} testId="member-state" />
            {member.state === 'recovering' ? (
              <span className="muted"> (the condition cleared; it keeps firing for a while in case it returns)</span>
            ) : null}
            {member.detail ? <span data-testid="member-detail"> — {member.detail}</span> : null}{' '}
            <SilencedNote alert={member} silences={silences} />
            {onSilence ? (
              <button type="button" className="link" data-testid="member-silence" onClick={() => onSilence(member)}>
                Silence…
              </button>
            ) : null}
            {muted.length ? (
              <ul className="incident-muted">
                {muted.map((alert) => (
                  <MutedAlert key={alert.fingerprint} alert={alert} mutedBy={mutedBy(alert)} silences={silences} />
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {orphans.length ? (
        <ul className="incident-muted">
          {orphans.map((alert) => (
            <MutedAlert key={alert.fingerprint} alert={alert} mutedBy={mutedBy(alert)} silences={silences} />
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export function FiringIncidents({
  incidents,
  silences,
  now,
  onSilence,
}: {
  incidents: readonly Incident[];
  silences: readonly SilenceView[];
  now: number;
  onSilence?(alert: IncidentAlert): void;
}) {
  if (incidents.length === 0)
    return (
      <p className="ok-box" data-testid="no-incidents">
        No incident is firing.
      </p>
    );
  return (
    <div data-testid="firing-incidents">
      {incidents.map((incident) => (
        <IncidentCard key={incident.id} incident={incident} silences={silences} now={now} onSilence={onSilence} />
      ))}
    </div>
  );
}
