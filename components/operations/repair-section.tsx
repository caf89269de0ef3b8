'use client';
/**
 * The activity page's repair section: the repair schedules (next due, last run and how it went, what
 * postponed or stopped it), a form to add one (operators), and the gc_grace_seconds warning — tables
 * not fully repaired by Ringside within their gc_grace_seconds, or never.
 */
import { useState } from 'react';
import { useNow } from '@/components/alerts/use-now';
import { useKeyspaceNames } from '@/components/schema/use-schema';
import { DataTable } from '@/components/ui/data-table';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import type { TableRepairStatus } from '@/server/repair/gc-grace';
import type { ScheduleView } from '@/server/repair/schedule-types';
import {
  dueWords,
  emptyScheduleForm,
  everyWords,
  gcGraceRows,
  lastOutcomeWords,
  lastRepairWords,
  nextDueWords,
  scheduleInputOf,
  spanWords,
  type ScheduleForm,
} from './schedule-format';
import { useGcGrace, useRepairSchedules, useScheduleActions } from './use-repair';
import { toast } from 'sonner';

export function RepairSection({ clusterId, mayAct }: { clusterId: string; mayAct: boolean }) {
  return (
    <section data-testid="repair-section">
      <h3>Repair schedules</h3>
      <ScheduleList clusterId={clusterId} mayAct={mayAct} />
      {mayAct ? <AddSchedule clusterId={clusterId} /> : null}
      <h3>Repairs within gc_grace_seconds</h3>
      <GcGraceWarning clusterId={clusterId} />
    </section>
  );
}

function ScheduleList({ clusterId, mayAct }: { clusterId: string; mayAct: boolean }) {
  const schedules = useRepairSchedules(clusterId);
  const { pause, resume, remove } = useScheduleActions();
  const now = useNow(30_000);
  const failure = [pause, resume, remove].find((m) => m.isError);
  return (
    <>
      <QueryState query={schedules} loading="Reading the schedules…" errorTitle="Cannot read the schedules:">
        {(list) => (
          <DataTable<ScheduleView>
            testId="schedule-list"
            rows={list}
            rowKey={(s) => s.id}
            rowProps={(s) => ({ 'data-testid': `schedule-${s.keyspace}`, ...{ 'data-enabled': String(s.enabled) } })}
            empty="No repair runs on a schedule yet."
            columns={[
              {
                key: 'what',
                header: 'Repairs',
                cell: (s) =>
                  `${s.keyspace}${s.settings.tables.length ? `.{${s.settings.tables.join(', ')}}` : ''}${
                    s.settings.incremental ? ' (incremental)' : ''
                  }`,
              },
              {
                key: 'every',
                header: 'When',
                cell: (s) => `${everyWords(s.intervalDays)} from ${new Date(s.firstStartAt).toLocaleString()}`,
              },
              {
                key: 'next',
                header: 'Next due',
                cell: (s) => nextDueWords(s, now),
                td: () => ({ 'data-testid': 'schedule-next' }),
              },
              {
                key: 'last',
                header: 'Last run',
                cell: (s) => lastOutcomeWords(s),
                td: (s) => ({
                  'data-testid': 'schedule-last',
                  className:
                    s.lastEvent === 'failed' || s.lastRunState === 'failed' || s.lastEvent === 'postponed'
                      ? 'problem'
                      : undefined,
                }),
              },
              {
                key: 'by',
                header: 'Added by',
                cell: (s) => <span className="muted">{s.createdBy ?? '—'}</span>,
              },
              ...(mayAct
                ? [
                    {
                      key: 'actions',
                      header: '',
                      cell: (s: ScheduleView) => (
                        <>
                          {s.enabled ? (
                            <button
                              type="button"
                              onClick={() => pause.mutate({ clusterId, id: s.id })}
                              data-testid="schedule-pause"
                            >
                              Pause
                            </button>
                          ) : (
                            <button
                              type="button"
                              onClick={() => resume.mutate({ clusterId, id: s.id })}
                              data-testid="schedule-resume"
                            >
                              Resume
                            </button>
                          )}{' '}
                          <button
                            type="button"
                            onClick={() => {
                              if (window.confirm(`Delete the schedule of ${s.keyspace}? Its runs stay in the jobs.`))
                                remove.mutate({ clusterId, id: s.id });
                            }}
                            data-testid="schedule-delete"
                          >
                            Delete
                          </button>
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {failure ? <ErrorBox error={failure.error} title="Not done:" testId="schedule-action-error" /> : null}
    </>
  );
}

function AddSchedule({ clusterId }: { clusterId: string }) {
  const keyspaces = useKeyspaceNames(clusterId);
  const { create } = useScheduleActions();
  const [form, setForm] = useState<ScheduleForm>(() => emptyScheduleForm(Date.now()));
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<ScheduleForm>) => setForm((f) => ({ ...f, ...change }));
  return (
    <form
      className="start-repair"
      data-testid="schedule-form"
      onSubmit={(e) => {
        e.preventDefault();
        create.reset();
        const result = scheduleInputOf(form);
        setProblem(result.problem);
        if (result.input)
          create.mutate(
            { clusterId, ...result.input },
            {
              onSuccess: () => {
                setForm(emptyScheduleForm(Date.now()));
                toast.success('Repair schedule added');
              },
            },
          );
      }}
    >
      <label>
        Keyspace{' '}
        <select
          value={form.keyspace}
          onChange={(e) => set({ keyspace: e.target.value })}
          data-testid="schedule-keyspace"
        >
          <option value="">(choose)</option>
          {(keyspaces.data ?? [])
            .filter((k) => !k.system)
            .map((k) => (
              <option key={k.name}>{k.name}</option>
            ))}
        </select>
      </label>{' '}
      <label>
        Tables{' '}
        <input
          value={form.tables}
          onChange={(e) => set({ tables: e.target.value })}
          placeholder="all, or t1, t2"
          data-testid="schedule-tables"
        />
      </label>{' '}
      <label>
        <input
          type="checkbox"
          checked={form.incremental}
          onChange={(e) => set({ incremental: e.target.checked })}
          data-testid="schedule-incremental"
        />{' '}
        incremental
      </label>{' '}
      <label>
        every{' '}
        <input
          type="number"
          min={1}
          max={365}
          value={form.intervalDays}
          onChange={(e) => set({ intervalDays: e.target.value })}
          data-testid="schedule-every"
        />{' '}
        days
      </label>{' '}
      <label>
        first start{' '}
        <input
          type="datetime-local"
          value={form.firstStart}
          onChange={(e) => set({ firstStart: e.target.value })}
          data-testid="schedule-first-start"
        />
      </label>{' '}
      <button type="submit" disabled={create.isPending} data-testid="schedule-add">
        Add schedule
      </button>
      {problem ? (
        <p className="problem" role="alert" data-testid="schedule-problem">
          {problem}
        </p>
      ) : null}
      {create.isError ? <ErrorBox error={create.error} title="Not added:" testId="schedule-error" /> : null}
      {create.isSuccess ? (
        <p className="muted" data-testid="schedule-added">
          Added: {create.data.keyspace} {everyWords(create.data.intervalDays)}, next{' '}
          {new Date(create.data.nextDueAt).toLocaleString()}.
        </p>
      ) : null}
    </form>
  );
}

function GcGraceWarning({ clusterId }: { clusterId: string }) {
  const report = useGcGrace(clusterId);
  const now = useNow(60_000);
  return (
    <QueryState
      query={report}
      loading="Reading each table's gc_grace_seconds…"
      errorTitle="Cannot check gc_grace_seconds:"
      errorTestId="gc-grace-error"
    >
      {(data) => {
        const rows = gcGraceRows(data.tables);
        const overdue = data.tables.filter((t) => t.overdue).length;
        const young = rows.length - overdue;
        const counted = (
          <span className="muted">
            {' '}
            Repairs counted: Ringside&apos;s own runs of the keyspace that repaired every segment. {
              data.tables.length
            }{' '}
            table(s) checked
            {data.skipped.length ? `; ${data.skipped.length} left out (gc_grace_seconds = 0, or a single replica)` : ''}
            .
          </span>
        );
        if (rows.length === 0)
          return (
            <p className="ok-box" data-testid="gc-grace-ok">
              Every table was fully repaired within its gc_grace_seconds.{counted}
            </p>
          );
        return (
          <div className={overdue ? 'warning' : 'ok-box'} data-testid="gc-grace-warning" data-overdue={overdue}>
            <strong>
              {overdue
                ? `${overdue} table(s) not fully repaired within gc_grace_seconds: a replica that missed a delete can bring the data back once the tombstone is purged.`
                : 'No table is past its gc_grace_seconds.'}
              {young ? ` ${young} table(s) never repaired by Ringside, not due yet.` : ''}
            </strong>
            {counted}
            <details open={rows.length <= 12}>
              <summary>The tables</summary>
              <DataTable<TableRepairStatus>
                testId="gc-grace-tables"
                rows={rows}
                rowKey={(t) => `${t.keyspace}.${t.table}`}
                rowProps={(t) => ({
                  'data-testid': `gc-grace-${t.keyspace}.${t.table}`,
                  ...{ 'data-overdue': String(t.overdue) },
                })}
                columns={[
                  { key: 'table', header: 'Table', cell: (t) => `${t.keyspace}.${t.table}` },
                  {
                    key: 'grace',
                    header: 'gc_grace_seconds',
                    cell: (t) => `${t.gcGraceSeconds} (${spanWords(t.gcGraceSeconds * 1000)})`,
                  },
                  { key: 'last', header: 'Last full repair', cell: (t) => lastRepairWords(t, now) },
                  {
                    key: 'due',
                    header: 'gc_grace_seconds run out',
                    cell: (t) => dueWords(t, now),
                    td: (t) => ({ className: t.overdue ? 'problem' : undefined }),
                  },
                ]}
              />
            </details>
          </div>
        );
      }}
    </QueryState>
  );
}
