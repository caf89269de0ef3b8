'use client';
/**
 * /admin/audit: the audit log, newest first, filtered by who acted, action, cluster, outcome and time;
 * "load older" reads the page before the oldest entry shown; the CSV link downloads the same filter.
 * The applied filter is in the URL (audit-url.ts), so a link reproduces the listing.
 */
import { useState, type FormEvent } from 'react';
import { DataTable, type Column } from '@/components/ui/data-table';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { useUrlState } from '@/components/url/use-url-state';
import {
  auditCsvHref,
  EMPTY_FILTER_FORM,
  filterFormProblem,
  filterOf,
  formatLocalTime,
  OUTCOME_MEANINGS,
  type AuditEntry,
  type AuditFilterForm,
} from './audit-filter';
import { AUDIT_FILTER_PARAMS, formOf } from './audit-url';
import { useAuditLog } from './use-audit';

/** What of the log this user reads: decided by the server (audit-reader.ts); the page only says it. */
export type AuditScope = { everything: true } | { everything: false; adminOf: string[] };

function ScopeNote({ scope }: { scope: AuditScope }) {
  return (
    <p className="muted" data-testid="audit-scope">
      Every signed-in user may open this page; what it lists depends on who you are.{' '}
      {scope.everything
        ? 'You are a console administrator: you read every entry.'
        : `You read your own entries${
            scope.adminOf.length ? ` and every entry of the clusters you administer (${scope.adminOf.join(', ')})` : ''
          }; a console administrator reads them all.`}{' '}
      Passwords, session ids, cookies and tokens are never recorded.
    </p>
  );
}

const columns: Column<AuditEntry>[] = [
  {
    key: 'at',
    header: 'Time',
    cell: (e) => formatLocalTime(e.at),
    td: (e) => ({ title: new Date(e.at).toISOString(), className: 'nowrap' }),
  },
  {
    key: 'user',
    header: 'User',
    cell: (e) => e.userEmail ?? <span className="muted">anonymous</span>,
    td: () => ({ 'data-testid': 'audit-user' }),
  },
  { key: 'role', header: 'Role', cell: (e) => e.role ?? '' },
  { key: 'action', header: 'Action', cell: (e) => e.action, td: () => ({ 'data-testid': 'audit-action' }) },
  { key: 'cluster', header: 'Cluster', cell: (e) => e.cluster ?? '', td: () => ({ 'data-testid': 'audit-cluster' }) },
  { key: 'target', header: 'Target', cell: (e) => e.target ?? '' },
  {
    key: 'params',
    header: 'Parameters',
    cell: (e) => e.params ?? '',
    td: () => ({ className: 'mono audit-params', 'data-testid': 'audit-params' }),
  },
  {
    key: 'outcome',
    header: 'Outcome',
    cell: (e) => (
      <StatusBadge tone={e.outcome === 'ok' ? 'ok' : e.outcome === 'throttled' ? 'warn' : 'bad'}>
        {e.outcome}
      </StatusBadge>
    ),
    td: (e) => ({ 'data-testid': 'audit-outcome', title: OUTCOME_MEANINGS[e.outcome] }),
  },
  { key: 'detail', header: 'Detail', cell: (e) => e.detail ?? '', td: () => ({ 'data-testid': 'audit-detail' }) },
  {
    key: 'from',
    header: 'From',
    cell: (e) => e.ip ?? '',
    td: (e) => ({ title: e.userAgent ?? undefined, className: 'mono' }),
  },
];

export function AuditLogView({ scope, clusterIds }: { scope: AuditScope; clusterIds: string[] }) {
  const [applied, setApplied] = useUrlState(AUDIT_FILTER_PARAMS);
  const log = useAuditLog(applied);
  const [form, setForm] = useState<AuditFilterForm>(() => formOf(applied));
  const problem = filterFormProblem(form);
  const field = (name: keyof AuditFilterForm) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
    'data-testid': `audit-filter-${name}`,
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!problem) setApplied(filterOf(form));
  }

  return (
    <section className="audit" data-testid="audit-log">
      <ScopeNote scope={scope} />
      <form className="audit-filter" onSubmit={apply} data-testid="audit-filter">
        <label>
          User <input {...field('user')} placeholder="part of an email" maxLength={320} />
        </label>
        <label>
          Action <input {...field('action')} placeholder="starts with, e.g. users." maxLength={200} />
        </label>
        <label>
          Cluster <input {...field('cluster')} list="audit-clusters" maxLength={64} />
          <datalist id="audit-clusters">
            {clusterIds.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </label>
        <label>
          Outcome{' '}
          <select {...field('outcome')}>
            <option value="">any</option>
            {Object.entries(OUTCOME_MEANINGS).map(([outcome, meaning]) => (
              <option key={outcome} value={outcome}>
                {meaning}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="datetime-local" {...field('from')} />
        </label>
        <label>
          To <input type="datetime-local" {...field('to')} />
        </label>
        <span className="audit-filter-actions">
          <button type="submit" disabled={problem !== null} data-testid="audit-apply">
            Apply
          </button>
          <button
            type="button"
            data-testid="audit-clear"
            onClick={() => {
              setForm(EMPTY_FILTER_FORM);
              setApplied({});
            }}
          >
            Clear
          </button>
          <button type="button" data-testid="audit-refresh" onClick={log.refresh}>
            Refresh
          </button>
          {/* A plain link: the route answers with an attachment, so the browser saves it. */}
          <a href={auditCsvHref(applied)} download data-testid="audit-csv">
            Download CSV
          </a>
        </span>
      </form>
      {problem ? <ErrorBox inline title="Filter not applied:" error={problem} testId="audit-filter-problem" /> : null}
      <p className="muted">
        Newest first. The CSV holds the newest 10,000 entries the applied filter selects, oldest first.
      </p>
      <QueryState
        query={log}
        loading="Reading the audit log…"
        errorTitle="Cannot read the audit log:"
        errorTestId="audit-error"
      >
        {(entries) => (
          <>
            <DataTable
              columns={columns}
              rows={entries}
              rowKey={(e) => e.id}
              rowProps={(e) => ({ 'data-testid': `audit-entry-${e.id}` })}
              empty="No entry matches."
              testId="audit-table"
              className="nodes audit-table"
            />
            {log.hasOlder || log.loadingOlder ? (
              <button type="button" disabled={log.loadingOlder} onClick={log.loadOlder} data-testid="audit-older">
                {log.loadingOlder ? 'Reading older entries…' : 'Load older'}
              </button>
            ) : entries.length > 0 ? (
              <p className="muted" data-testid="audit-end">
                The oldest matching entry is shown.
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}
