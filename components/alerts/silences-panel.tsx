/**
 * Silences: those in force (live) and those past, and — for operators — the form that makes one and
 * the "End now" that stops one. A silenced alert still fires and is shown; it only notifies no one.
 */
import { useState, type FormEvent, type RefObject } from 'react';
import { toast } from 'sonner';
import { formatLocalTime } from '@/components/admin/audit-filter';
import { DataTable } from '@/components/ui/data-table';
import { ErrorBox } from '@/components/ui/error-box';
import { SilenceStateBadge } from '@/components/ui/status-badge';
import { formatMatchers, mergeSilences, silenceEnd, type SilenceView } from './alert-format';
import {
  emptyMatcher,
  MATCHER_OPS,
  SILENCE_LENGTHS,
  silenceInputOf,
  type MatcherRow,
  type SilenceForm,
  type SilenceLength,
} from './silence-form';
import { serverError } from './server-error';
import { useAllSilences, useSilenceMutations } from './use-alerts';

/** Past silences listed before "show all". */
const EXPIRED_SHOWN = 10;

export function SilenceEditor({
  clusterId,
  initial,
  focusRef,
}: {
  clusterId: string;
  initial: SilenceForm;
  /** The comment field, focused when the form is opened from an incident. */
  focusRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const { create } = useSilenceMutations();
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<string | null>(null);

  const setMatcher = (index: number, change: Partial<MatcherRow>) =>
    setForm((f) => ({ ...f, matchers: f.matchers.map((m, i) => (i === index ? { ...m, ...change } : m)) }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMade(null);
    const result = silenceInputOf(form, Date.now());
    setProblem(result.problem);
    if (!result.input) return;
    const silence = result.input;
    create.mutate(
      { clusterId, silence },
      {
        onSuccess: (created) => {
          setMade(`Silence made: ${formatMatchers(created.matchers)} until ${formatLocalTime(created.endsAt)}.`);
          setForm((f) => ({ ...f, comment: '' }));
        },
      },
    );
  }

  return (
    <form className="editor silence-form" onSubmit={submit} data-testid="silence-form">
      <h4>New silence</h4>
      <p className="muted">
        Alerts whose labels match every line are silenced: they still fire and show here, but notify no one. The server
        adds <code>cluster = &quot;{clusterId}&quot;</code>. Labels: alertname, cluster, node, dc, rack.
      </p>
      {form.matchers.map((matcher, index) => (
        <div key={index} className="matcher-row" data-testid="silence-matcher">
          <input
            aria-label={`Label of matcher ${index + 1}`}
            placeholder="label"
            value={matcher.name}
            onChange={(e) => setMatcher(index, { name: e.target.value })}
            data-testid={`silence-matcher-name-${index}`}
          />{' '}
          <select
            aria-label={`Operator of matcher ${index + 1}`}
            value={matcher.op}
            onChange={(e) => setMatcher(index, { op: e.target.value as MatcherRow['op'] })}
            data-testid={`silence-matcher-op-${index}`}
          >
            {MATCHER_OPS.map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </select>{' '}
          <input
            aria-label={`Value of matcher ${index + 1}`}
            placeholder="value"
            value={matcher.value}
            onChange={(e) => setMatcher(index, { value: e.target.value })}
            data-testid={`silence-matcher-value-${index}`}
          />{' '}
          <button
            type="button"
            disabled={form.matchers.length === 1}
            onClick={() => setForm((f) => ({ ...f, matchers: f.matchers.filter((_, i) => i !== index) }))}
            data-testid={`silence-matcher-remove-${index}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => setForm((f) => ({ ...f, matchers: [...f.matchers, emptyMatcher()] }))}
        data-testid="silence-matcher-add"
      >
        Add matcher
      </button>
      <div className="form-line">
        <label>
          Starts{' '}
          <input
            type="datetime-local"
            value={form.startsAt}
            onChange={(e) => setForm((f) => ({ ...f, startsAt: e.target.value }))}
            data-testid="silence-starts-at"
          />
        </label>{' '}
        <span className="muted">(empty: now)</span>{' '}
        <label>
          Lasts{' '}
          <select
            value={form.length}
            onChange={(e) => setForm((f) => ({ ...f, length: e.target.value as SilenceLength }))}
            data-testid="silence-length"
          >
            {SILENCE_LENGTHS.map((l) => (
              <option key={l.key} value={l.key}>
                {l.label}
              </option>
            ))}
            <option value="until">until…</option>
          </select>
        </label>{' '}
        {form.length === 'until' ? (
          <label>
            Ends{' '}
            <input
              type="datetime-local"
              value={form.endsAt}
              onChange={(e) => setForm((f) => ({ ...f, endsAt: e.target.value }))}
              data-testid="silence-ends-at"
            />
          </label>
        ) : null}
      </div>
      <label className="form-line">
        Why{' '}
        <textarea
          ref={focusRef}
          rows={2}
          cols={60}
          maxLength={2000}
          placeholder="shown beside every alert it mutes"
          value={form.comment}
          onChange={(e) => setForm((f) => ({ ...f, comment: e.target.value }))}
          data-testid="silence-comment"
        />
      </label>
      <button type="submit" disabled={create.isPending} data-testid="silence-submit">
        {create.isPending ? 'Making…' : 'Make silence'}
      </button>
      {problem ? (
        <p className="problem" role="alert" data-testid="silence-problem">
          {problem}
        </p>
      ) : null}
      {create.isError ? (
        <ErrorBox title="Silence not made:" error={serverError(create.error)} testId="silence-error" />
      ) : null}
      {made ? (
        <p className="ok-box" role="status" data-testid="silence-made">
          {made}
        </p>
      ) : null}
    </form>
  );
}

export function SilenceList({
  clusterId,
  live,
  mayOperate,
}: {
  clusterId: string;
  /** The live view's silences (pending and active), fresher than the full list. */
  live: readonly SilenceView[];
  mayOperate: boolean;
}) {
  const liveKey = live.map((s) => s.id).join(',');
  const all = useAllSilences(clusterId, liveKey);
  const { expire } = useSilenceMutations();
  const [showAllExpired, setShowAllExpired] = useState(false);
  const merged = mergeSilences(live, all.data);
  const expired = merged.filter((s) => s.state === 'expired');
  const shown = showAllExpired
    ? merged
    : [...merged.filter((s) => s.state !== 'expired'), ...expired.slice(0, EXPIRED_SHOWN)];
  return (
    <>
      {expire.isError ? (
        <ErrorBox title="Silence not ended:" error={serverError(expire.error)} testId="silence-end-error" />
      ) : null}
      {all.isError ? (
        <ErrorBox
          title="Cannot read past silences (those in force are listed):"
          error={all.error}
          testId="silences-error"
          onRetry={() => all.refetch()}
        />
      ) : null}
      <DataTable
        testId="silences"
        rows={shown}
        rowKey={(s) => s.id}
        rowProps={(s) => ({ 'data-testid': `silence-${s.id}`, className: `silence-${s.state}` })}
        empty="No silence on this cluster."
        columns={[
          {
            key: 'state',
            header: 'State',
            cell: (s) => <SilenceStateBadge value={s.state} />,
            td: () => ({ 'data-testid': 'silence-state' }),
          },
          {
            key: 'matchers',
            header: 'Matchers',
            cell: (s) => formatMatchers(s.matchers),
            td: () => ({ className: 'mono', 'data-testid': 'silence-matchers' }),
          },
          {
            key: 'comment',
            header: 'Why',
            cell: (s) => s.comment,
            td: () => ({ 'data-testid': 'silence-comment-text' }),
          },
          { key: 'author', header: 'By', cell: (s) => s.createdBy, td: () => ({ 'data-testid': 'silence-author' }) },
          {
            key: 'starts',
            header: 'Starts',
            cell: (s) => formatLocalTime(s.startsAt),
            td: () => ({ className: 'nowrap' }),
          },
          {
            key: 'ends',
            header: 'Ends',
            cell: (s) =>
              `${formatLocalTime(silenceEnd(s))}${s.expiredAt !== null && s.expiredAt < s.endsAt ? ' (ended early)' : ''}`,
            td: () => ({ className: 'nowrap', 'data-testid': 'silence-ends' }),
          },
          ...(mayOperate
            ? [
                {
                  key: 'actions',
                  header: '',
                  cell: (s: SilenceView) =>
                    s.state === 'expired' ? null : (
                      <button
                        type="button"
                        disabled={expire.isPending}
                        onClick={() =>
                          expire.mutate(
                            { clusterId, id: s.id },
                            { onSuccess: () => toast.success('Silence ended', { description: s.comment }) },
                          )
                        }
                        data-testid="silence-end-now"
                      >
                        End now
                      </button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {expired.length > EXPIRED_SHOWN ? (
        <button type="button" onClick={() => setShowAllExpired((v) => !v)} data-testid="silences-show-expired">
          {showAllExpired ? 'Show fewer past silences' : `Show all ${expired.length} past silences`}
        </button>
      ) : null}
    </>
  );
}
