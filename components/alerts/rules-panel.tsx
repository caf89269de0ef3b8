/**
 * The rules in force and where each comes from (starter catalogue, configuration file, added here).
 * Console administrators add or replace a rule (a starter rule may be replaced by one of the same id)
 * and delete those added here; a configuration file's rules are changed in the file.
 */
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import { SeverityBadge } from '@/components/ui/status-badge';
import { formatSeconds, type MetricChoice, type RuleInForce } from './alert-format';
import { serverError } from './server-error';
import {
  conditionOf,
  emptyRuleForm,
  formOfRule,
  KIND_MEANINGS,
  RULE_KINDS,
  ruleOf,
  SEVERITY_LIST,
  type RuleForm,
  type RuleKind,
} from './rule-form';
import { useAlertRules, useRuleMutations } from './use-alerts';

const SOURCE_MEANINGS: Record<RuleInForce['source'], string> = {
  starter: 'starter catalogue',
  config: 'configuration file',
  ui: 'added here',
};

export function RuleEditor({
  initial,
  metrics,
  focus = false,
}: {
  initial: RuleForm;
  metrics: readonly MetricChoice[];
  /** Opened by "Edit": the form takes the focus (and scrolls into view). */
  focus?: boolean;
}) {
  const { save } = useRuleMutations();
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (change: Partial<RuleForm>) => setForm((f) => ({ ...f, ...change }));
  // A metric the list does not hold (a per-table one, from a rule being edited) stays choosable.
  const metricNames = metrics.map((m) => m.name);
  const extraMetric = form.metric && !metricNames.includes(form.metric) ? [form.metric] : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const result = ruleOf(form);
    setProblem(result.problem);
    if (!result.rule) return;
    save.mutate({ rule: result.rule }, { onSuccess: (rule) => setSaved(`Rule "${rule.id}" saved; it applies now.`) });
  }

  return (
    <form className="editor rule-form" onSubmit={submit} data-testid="rule-form">
      <h4>Add or replace a rule</h4>
      <p className="muted">A rule with the id of an existing one replaces it (a starter rule too).</p>
      <div className="form-line">
        <label>
          Id{' '}
          <input
            required
            maxLength={63}
            placeholder="node-down-dc2"
            autoFocus={focus}
            value={form.id}
            onChange={(e) => set({ id: e.target.value })}
            data-testid="rule-id"
          />
        </label>{' '}
        <label>
          Name{' '}
          <input
            required
            maxLength={200}
            size={40}
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="rule-name"
          />
        </label>
      </div>
      <div className="form-line">
        <label>
          Kind{' '}
          <select value={form.kind} onChange={(e) => set({ kind: e.target.value as RuleKind })} data-testid="rule-kind">
            {RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>{' '}
        <span className="muted">fires when {KIND_MEANINGS[form.kind]}</span>
      </div>
      {form.kind === 'metric-threshold' ? (
        <div className="form-line" data-testid="rule-threshold-fields">
          <label>
            Metric{' '}
            <select value={form.metric} onChange={(e) => set({ metric: e.target.value })} data-testid="rule-metric">
              <option value="">(choose)</option>
              {metrics.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name} — {m.help} ({m.unit})
                </option>
              ))}
              {extraMetric.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>{' '}
          <select
            aria-label="Fires when the value is"
            value={form.op}
            onChange={(e) => set({ op: e.target.value as RuleForm['op'] })}
            data-testid="rule-op"
          >
            <option value=">">above (&gt;)</option>
            <option value="<">below (&lt;)</option>
          </select>{' '}
          <label>
            Threshold{' '}
            <input
              inputMode="decimal"
              size={10}
              value={form.threshold}
              onChange={(e) => set({ threshold: e.target.value })}
              data-testid="rule-threshold"
            />
          </label>{' '}
          <label>
            Recovers at{' '}
            <input
              inputMode="decimal"
              size={10}
              placeholder="the threshold"
              value={form.recoverAt}
              onChange={(e) => set({ recoverAt: e.target.value })}
              data-testid="rule-recover-at"
            />
          </label>
        </div>
      ) : null}
      <div className="form-line">
        <label>
          For{' '}
          <input
            size={6}
            value={form.forText}
            onChange={(e) => set({ forText: e.target.value })}
            data-testid="rule-for"
          />
        </label>{' '}
        <label>
          Keep firing for{' '}
          <input
            size={6}
            value={form.keepFiringForText}
            onChange={(e) => set({ keepFiringForText: e.target.value })}
            data-testid="rule-keep-firing"
          />
        </label>{' '}
        <span className="muted">(30s, 5m, 1h)</span>{' '}
        <label>
          Severity{' '}
          <select
            value={form.severity}
            onChange={(e) => set({ severity: e.target.value as RuleForm['severity'] })}
            data-testid="rule-severity"
          >
            {SEVERITY_LIST.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-line">
        <label>
          Clusters{' '}
          <input
            placeholder="every cluster"
            value={form.clusters}
            onChange={(e) => set({ clusters: e.target.value })}
            data-testid="rule-clusters"
          />
        </label>{' '}
        <label>
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
            data-testid="rule-enabled"
          />{' '}
          Enabled
        </label>
      </div>
      <button type="submit" disabled={save.isPending} data-testid="rule-submit">
        {save.isPending ? 'Saving…' : 'Save rule'}
      </button>
      {problem ? (
        <p className="problem" role="alert" data-testid="rule-problem">
          {problem}
        </p>
      ) : null}
      {save.isError ? <ErrorBox title="Rule not saved:" error={serverError(save.error)} testId="rule-error" /> : null}
      {saved ? (
        <p className="ok-box" role="status" data-testid="rule-saved">
          {saved}
        </p>
      ) : null}
    </form>
  );
}

export function RulesPanel({ consoleAdmin }: { consoleAdmin: boolean }) {
  const rules = useAlertRules();
  const { remove } = useRuleMutations();
  const [draft, setDraft] = useState<{ form: RuleForm; seq: number }>(() => ({ form: emptyRuleForm(), seq: 0 }));
  const [deleting, setDeleting] = useState<RuleInForce | null>(null);

  const edit = (entry: RuleInForce) => setDraft((d) => ({ form: formOfRule(entry.rule), seq: d.seq + 1 }));

  return (
    <QueryState
      query={rules}
      loading="Reading the rules…"
      errorTitle="Cannot read the rules:"
      errorTestId="rules-error"
    >
      {({ rules: list, metrics }) => (
        <>
          <DataTable
            testId="alert-rules"
            rows={list}
            rowKey={(r) => r.rule.id}
            rowProps={(r) => ({ 'data-testid': `rule-${r.rule.id}`, className: r.rule.enabled ? undefined : 'stale' })}
            empty="No rule is in force: nothing is watched."
            columns={[
              { key: 'id', header: 'Id', cell: (r) => r.rule.id, td: () => ({ className: 'mono' }) },
              {
                key: 'name',
                header: 'Name',
                cell: (r) => r.rule.name,
                td: () => ({ 'data-testid': 'rule-name-cell' }),
              },
              {
                key: 'kind',
                header: 'Kind',
                cell: (r) => r.rule.kind,
                td: () => ({ 'data-testid': 'rule-kind-cell' }),
              },
              { key: 'condition', header: 'Condition', cell: (r) => conditionOf(r.rule) },
              { key: 'for', header: 'For', cell: (r) => formatSeconds(r.rule.forSeconds) },
              { key: 'keep', header: 'Keep firing for', cell: (r) => formatSeconds(r.rule.keepFiringForSeconds) },
              { key: 'severity', header: 'Severity', cell: (r) => <SeverityBadge value={r.rule.severity} /> },
              { key: 'clusters', header: 'Clusters', cell: (r) => r.rule.clusters?.join(', ') ?? 'every cluster' },
              { key: 'enabled', header: 'Enabled', cell: (r) => (r.rule.enabled ? 'yes' : 'no') },
              {
                key: 'source',
                header: 'Source',
                cell: (r) => r.source,
                td: (r) => ({ title: SOURCE_MEANINGS[r.source], 'data-testid': 'rule-source' }),
              },
              ...(consoleAdmin
                ? [
                    {
                      key: 'actions',
                      header: '',
                      cell: (r: RuleInForce) =>
                        r.source === 'config' ? (
                          <span className="muted">change it in the file</span>
                        ) : (
                          <span className="row-actions">
                            <button type="button" onClick={() => edit(r)} data-testid="rule-edit">
                              Edit
                            </button>
                            {r.source === 'ui' ? (
                              <button
                                type="button"
                                className="danger"
                                onClick={() => {
                                  remove.reset();
                                  setDeleting(r);
                                }}
                                data-testid="rule-delete"
                              >
                                Delete…
                              </button>
                            ) : null}
                          </span>
                        ),
                    },
                  ]
                : []),
            ]}
          />
          {remove.isError ? (
            <ErrorBox title="Rule not deleted:" error={serverError(remove.error)} testId="rule-delete-error" />
          ) : null}
          {consoleAdmin ? (
            <RuleEditor key={draft.seq} initial={draft.form} metrics={metrics} focus={draft.seq > 0} />
          ) : null}
          {deleting ? (
            <ConfirmDialog
              title={`Delete rule "${deleting.rule.id}"?`}
              statement={`delete rule ${deleting.rule.id}: ${deleting.rule.name} (${conditionOf(deleting.rule)})`}
              confirmLabel="Delete rule"
              cancelLabel="Keep it"
              busy={remove.isPending}
              onAnswer={(yes) => {
                if (!yes) return setDeleting(null);
                const { id } = deleting.rule;
                remove.mutate(
                  { id },
                  { onSuccess: () => toast.success(`Rule ${id} deleted`), onSettled: () => setDeleting(null) },
                );
              }}
            >
              <p>
                Its alerts end at the next evaluation. If it replaced a starter rule of the same id, the starter rule
                applies again.
              </p>
            </ConfirmDialog>
          ) : null}
        </>
      )}
    </QueryState>
  );
}
