/** Incidents that have ended, newest first; "Load older" reads the page before the oldest shown. */
import { formatLocalTime } from '@/components/admin/audit-filter';
import { DataTable } from '@/components/ui/data-table';
import { QueryState } from '@/components/ui/query-state';
import { SeverityBadge } from '@/components/ui/status-badge';
import { describeAlert, formatAge } from './alert-format';
import { useIncidentHistory } from './use-alerts';

export function IncidentHistory({ clusterId, openKey }: { clusterId: string; openKey: string }) {
  const history = useIncidentHistory(clusterId, openKey);
  return (
    <QueryState
      query={history}
      loading="Reading past incidents…"
      errorTitle="Cannot read past incidents:"
      errorTestId="history-error"
    >
      {(incidents) => (
        <>
          <DataTable
            testId="incident-history"
            rows={incidents}
            rowKey={(i) => i.id}
            rowProps={(i) => ({ 'data-testid': `history-${i.id}` })}
            empty="No incident has ended on this cluster yet."
            columns={[
              {
                key: 'opened',
                header: 'Opened',
                cell: (i) => formatLocalTime(i.openedAt),
                td: () => ({ className: 'nowrap' }),
              },
              {
                key: 'lasted',
                header: 'Lasted',
                cell: (i) => (i.resolvedAt === null ? '—' : formatAge(i.resolvedAt - i.openedAt)),
              },
              { key: 'severity', header: 'Severity', cell: (i) => <SeverityBadge value={i.severity} /> },
              {
                key: 'title',
                header: 'Incident',
                cell: (i) => i.title,
                td: () => ({ 'data-testid': 'history-title' }),
              },
              {
                key: 'alerts',
                header: 'Alerts',
                cell: (i) =>
                  [...i.members.map(describeAlert), ...i.muted.map((m) => `${describeAlert(m)} (muted)`)].join(', '),
              },
              {
                key: 'notified',
                header: 'Notified',
                cell: (i) =>
                  i.notifiedFiring ? (i.notifiedResolved ? 'fired and resolved' : 'fired') : 'no (silenced)',
              },
            ]}
          />
          {history.hasOlder || history.loadingOlder ? (
            <button
              type="button"
              disabled={history.loadingOlder}
              onClick={history.loadOlder}
              data-testid="history-load-older"
            >
              {history.loadingOlder ? 'Loading…' : 'Load older'}
            </button>
          ) : null}
        </>
      )}
    </QueryState>
  );
}
