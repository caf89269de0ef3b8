'use client';
/**
 * /admin/destinations (console administrators): where notifications go. Add a webhook (its signing
 * secret is shown once), Slack or PagerDuty; send a test; turn one off and on; delete one (asked
 * first); and read each one's deliveries with every attempt, replaying a finished one.
 */
import { useState, type FormEvent } from 'react';
import { formatLocalTime } from '@/components/admin/audit-filter';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import {
  describeCounts,
  DESTINATION_KINDS,
  destinationInputOf,
  emptyDestinationForm,
  FORMAT_LABELS,
  KIND_LABELS,
  replayable,
  WEBHOOK_FORMATS,
  type DeliveryRow,
  type DestinationForm,
  type DestinationRow,
} from './destination-form';
import type { CreateDestinationInput } from '@/server/notify/destination';
import { serverError } from './server-error';
import { useDeliveries, useDestinationMutations, useDestinations } from './use-destinations';

/** Deliveries read at first, and added by each "Show more" (the server reads at most 500). */
const DELIVERIES_STEP = 50;
const MAX_DELIVERIES = 500;

function SigningSecret({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  return (
    <section className="ok-box one-time-password" role="status" data-testid="destination-secret">
      <p>
        Added <strong>{name}</strong>. Its signing secret (Standard Webhooks: check each request&apos;s
        webhook-signature with it):
      </p>
      <p>
        <code className="mono" data-testid="destination-secret-value">
          {secret}
        </code>
      </p>
      <p className="muted">
        Copy it into the receiver now: it is shown only this once. Only its last four characters stay visible.
      </p>
      <button type="button" onClick={onDone} data-testid="destination-secret-done">
        I have copied it
      </button>
    </section>
  );
}

function DestinationEditor({
  busy,
  error,
  onCreate,
}: {
  busy: boolean;
  error: unknown;
  /** Resolves true once it exists: the form then empties. */
  onCreate(input: CreateDestinationInput): Promise<boolean>;
}) {
  const [form, setForm] = useState(emptyDestinationForm);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<DestinationForm>) => setForm((f) => ({ ...f, ...change }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = destinationInputOf(form);
    setProblem(result.problem);
    if (!result.input) return;
    if (await onCreate(result.input)) setForm(emptyDestinationForm());
  }

  return (
    <form className="editor destination-form" onSubmit={submit} data-testid="destination-form">
      <h3>Add a destination</h3>
      <div className="form-line">
        <label>
          Kind{' '}
          <select
            value={form.kind}
            onChange={(e) => set({ kind: e.target.value as DestinationForm['kind'] })}
            data-testid="destination-kind"
          >
            {DESTINATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Name{' '}
          <input
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
            data-testid="destination-name-input"
          />
        </label>
      </div>
      {form.kind === 'webhook' ? (
        <div className="form-line">
          <label>
            URL{' '}
            <input
              type="url"
              size={50}
              placeholder="https://receiver.example.com/ringside"
              value={form.url}
              onChange={(e) => set({ url: e.target.value })}
              data-testid="destination-url"
            />
          </label>{' '}
          <label>
            Format{' '}
            <select
              value={form.format}
              onChange={(e) => set({ format: e.target.value as DestinationForm['format'] })}
              data-testid="destination-format"
            >
              {WEBHOOK_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABELS[format]}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
      {form.kind === 'slack' ? (
        <div className="form-line">
          <label>
            Incoming-webhook URL{' '}
            <input
              type="password"
              size={50}
              autoComplete="off"
              placeholder="https://hooks.slack.com/services/…"
              value={form.slackUrl}
              onChange={(e) => set({ slackUrl: e.target.value })}
              data-testid="destination-slack-url"
            />
          </label>{' '}
          <span className="muted">a secret: shown afterwards only by its last four characters</span>
        </div>
      ) : null}
      {form.kind === 'pagerduty' ? (
        <div className="form-line">
          <label>
            Routing key{' '}
            <input
              type="password"
              size={34}
              autoComplete="off"
              placeholder="32-character integration key"
              value={form.routingKey}
              onChange={(e) => set({ routingKey: e.target.value })}
              data-testid="destination-routing-key"
            />
          </label>{' '}
          <label>
            Events URL{' '}
            <input
              type="url"
              size={40}
              placeholder="https://events.pagerduty.com/v2/enqueue"
              value={form.url}
              onChange={(e) => set({ url: e.target.value })}
              data-testid="destination-pagerduty-url"
            />
          </label>
        </div>
      ) : null}
      <div className="form-line">
        <label>
          Types{' '}
          <input value={form.types} onChange={(e) => set({ types: e.target.value })} data-testid="destination-types" />
        </label>{' '}
        <label>
          Clusters{' '}
          <input
            placeholder="every cluster"
            value={form.clusters}
            onChange={(e) => set({ clusters: e.target.value })}
            data-testid="destination-clusters"
          />
        </label>{' '}
        <span className="muted">comma-separated; types such as alert.*, alert.firing or *</span>
      </div>
      <button type="submit" disabled={busy} data-testid="destination-submit">
        {busy ? 'Adding…' : 'Add destination'}
      </button>
      {problem ? (
        <p className="problem" role="alert" data-testid="destination-problem">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorBox title="Destination not added:" error={error} testId="destination-error" /> : null}
    </form>
  );
}

function targetOf(d: DestinationRow): string {
  if (d.kind === 'webhook')
    return `${d.url} · ${d.format ?? 'ringside-v1'} · secret ${d.secretHint ?? '—'}${d.oldSecretHint ? ` (and ${d.oldSecretHint} until dropped)` : ''}`;
  if (d.kind === 'pagerduty') return `${d.url} · routing key ${d.routingKeyHint ?? '—'}`;
  return d.url;
}

function attemptLine(a: DeliveryRow['history'][number]): string {
  const status = a.status === null ? 'no answer' : `HTTP ${a.status}`;
  return `#${a.attempt} ${formatLocalTime(a.startedAt)} · ${status} · ${a.latencyMs} ms · ${a.outcome}${a.error ? ` · ${a.error}` : ''}`;
}

function DeliveryHistory({ destination }: { destination: DestinationRow }) {
  const [limit, setLimit] = useState(DELIVERIES_STEP);
  const deliveries = useDeliveries(destination.id, limit);
  const { replay } = useDestinationMutations();
  return (
    <section className="deliveries" data-testid="deliveries">
      <h3>Deliveries to {destination.name}</h3>
      {replay.isError ? (
        <ErrorBox title="Not replayed:" error={serverError(replay.error)} testId="delivery-replay-error" />
      ) : null}
      <QueryState
        query={deliveries}
        loading="Reading the deliveries…"
        errorTitle="Cannot read the deliveries:"
        errorTestId="deliveries-error"
      >
        {(rows) => (
          <>
            <DataTable
              testId="delivery-table"
              rows={rows}
              rowKey={(d) => d.id}
              rowProps={() => ({ 'data-testid': 'delivery-row' })}
              empty="Nothing has been sent here yet."
              columns={[
                {
                  key: 'when',
                  header: 'Queued',
                  cell: (d) => formatLocalTime(d.queuedAt),
                  td: () => ({ className: 'nowrap' }),
                },
                { key: 'type', header: 'Type', cell: (d) => d.type, td: () => ({ 'data-testid': 'delivery-type' }) },
                { key: 'cluster', header: 'Cluster', cell: (d) => d.clusterId },
                {
                  key: 'state',
                  header: 'State',
                  cell: (d) => d.state,
                  td: () => ({ 'data-testid': 'delivery-state' }),
                },
                {
                  key: 'attempts',
                  header: 'Attempts',
                  cell: (d) =>
                    d.history.length ? (
                      <details>
                        <summary>{d.attempts}</summary>
                        <ol className="attempts">
                          {d.history.map((a) => (
                            <li key={a.attempt}>
                              {attemptLine(a)}
                              {a.response ? <pre className="mono">{a.response}</pre> : null}
                            </li>
                          ))}
                        </ol>
                      </details>
                    ) : (
                      d.attempts
                    ),
                  td: () => ({ 'data-testid': 'delivery-attempts' }),
                },
                {
                  key: 'status',
                  header: 'Status',
                  cell: (d) => (d.lastStatus === null ? (d.lastAttemptAt === null ? '—' : 'no answer') : d.lastStatus),
                  td: () => ({ 'data-testid': 'delivery-status' }),
                },
                {
                  key: 'latency',
                  header: 'Latency',
                  cell: (d) => (d.lastLatencyMs === null ? '—' : `${d.lastLatencyMs} ms`),
                  td: () => ({ 'data-testid': 'delivery-latency' }),
                },
                {
                  key: 'response',
                  header: 'Answer',
                  cell: (d) => d.lastError ?? d.lastResponse ?? '',
                  td: (d) => ({
                    className: d.lastError ? 'problem delivery-response' : 'mono delivery-response',
                    title: d.lastResponse ?? undefined,
                    'data-testid': 'delivery-response',
                  }),
                },
                {
                  key: 'actions',
                  header: '',
                  cell: (d) =>
                    replayable(d) ? (
                      <button
                        type="button"
                        disabled={replay.isPending}
                        onClick={() => replay.mutate({ deliveryId: d.id })}
                        title="Send it again, with the same webhook-id"
                        data-testid="delivery-replay"
                      >
                        Replay
                      </button>
                    ) : null,
                },
              ]}
            />
            {rows.length === limit && limit < MAX_DELIVERIES ? (
              <button
                type="button"
                onClick={() => setLimit((l) => Math.min(MAX_DELIVERIES, l + DELIVERIES_STEP))}
                data-testid="deliveries-more"
              >
                Show more
              </button>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

export function DestinationsAdmin() {
  const destinations = useDestinations();
  const { create, update, remove, sendTest } = useDestinationMutations();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [watching, setWatching] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DestinationRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const busy = update.isPending || remove.isPending || sendTest.isPending;

  function startAction() {
    for (const m of [update, remove, sendTest]) m.reset();
    setNotice(null);
  }

  function dismissSecret() {
    setSecret(null);
    // The mutation's result holds the secret too: drop it with it.
    create.reset();
  }

  async function add(input: CreateDestinationInput): Promise<boolean> {
    startAction();
    try {
      const created = await create.mutateAsync(input);
      if (created.secret) setSecret({ name: created.destination.name, secret: created.secret });
      else setNotice(`Added ${created.destination.name}.`);
      return true;
    } catch {
      return false; // create.error says why, under the form
    }
  }

  const watched = destinations.data?.find((d) => d.id === watching);

  return (
    <div className="destinations-admin" data-testid="destinations-admin">
      {secret ? <SigningSecret {...secret} onDone={dismissSecret} /> : null}
      <DestinationEditor
        busy={create.isPending}
        error={create.isError ? serverError(create.error) : null}
        onCreate={add}
      />

      <h3>Destinations</h3>
      {notice ? (
        <p className="ok-box" role="status" data-testid="destinations-notice">
          {notice}
        </p>
      ) : null}
      {sendTest.isError ? (
        <ErrorBox title="Test not sent:" error={serverError(sendTest.error)} testId="destination-test-error" />
      ) : null}
      {update.isError ? (
        <ErrorBox title="Not changed:" error={serverError(update.error)} testId="destination-update-error" />
      ) : null}
      {remove.isError ? (
        <ErrorBox title="Not deleted:" error={serverError(remove.error)} testId="destination-delete-error" />
      ) : null}
      <QueryState
        query={destinations}
        loading="Reading the destinations…"
        errorTitle="Cannot read the destinations:"
        errorTestId="destinations-error"
      >
        {(list) => (
          <DataTable
            testId="destinations"
            rows={list}
            rowKey={(d) => d.id}
            rowProps={() => ({ 'data-testid': 'destination-row' })}
            empty="No destination: incidents are shown here only, and sent nowhere."
            columns={[
              { key: 'name', header: 'Name', cell: (d) => d.name, td: () => ({ 'data-testid': 'destination-name' }) },
              { key: 'kind', header: 'Kind', cell: (d) => d.kind },
              { key: 'target', header: 'Sends to', cell: targetOf, td: () => ({ className: 'mono' }) },
              { key: 'types', header: 'Types', cell: (d) => d.types.join(', ') },
              { key: 'clusters', header: 'Clusters', cell: (d) => d.clusters?.join(', ') ?? 'every cluster' },
              {
                key: 'state',
                header: 'State',
                cell: (d) => (d.enabled ? 'enabled' : `disabled: ${d.disabledReason ?? 'by an administrator'}`),
                td: (d) => ({ className: d.enabled ? undefined : 'problem', 'data-testid': 'destination-state' }),
              },
              {
                key: 'deliveries',
                header: 'Deliveries',
                cell: (d) => describeCounts(d.deliveries),
                td: () => ({ 'data-testid': 'destination-counts' }),
              },
              {
                key: 'actions',
                header: '',
                cell: (d) => (
                  <span className="row-actions">
                    <button
                      type="button"
                      disabled={busy || !d.enabled}
                      title={d.enabled ? 'Queue a test.ping to it alone' : 'Enable it first'}
                      onClick={() => {
                        startAction();
                        sendTest.mutate(
                          { id: d.id },
                          {
                            onSuccess: () =>
                              setNotice(`A test notification to ${d.name} is queued: see its deliveries.`),
                          },
                        );
                        setWatching(d.id);
                      }}
                      data-testid="destination-test"
                    >
                      Send test
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => {
                        startAction();
                        update.mutate({ id: d.id, enabled: !d.enabled });
                      }}
                      data-testid="destination-toggle"
                    >
                      {d.enabled ? 'Disable' : 'Enable'}
                    </button>
                    <button
                      type="button"
                      aria-pressed={watching === d.id}
                      onClick={() => setWatching((w) => (w === d.id ? null : d.id))}
                      data-testid="destination-show-deliveries"
                    >
                      {watching === d.id ? 'Hide deliveries' : 'Deliveries'}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      disabled={busy}
                      onClick={() => {
                        startAction();
                        setDeleting(d);
                      }}
                      data-testid="destination-delete"
                    >
                      Delete…
                    </button>
                  </span>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {watched ? <DeliveryHistory key={watched.id} destination={watched} /> : null}

      {deleting ? (
        <ConfirmDialog
          title={`Delete destination "${deleting.name}"?`}
          statement={`delete ${deleting.kind} destination ${deleting.name} → ${deleting.url}`}
          confirmLabel="Delete destination"
          cancelLabel="Keep it"
          busy={remove.isPending}
          onAnswer={(yes) => {
            if (!yes) return setDeleting(null);
            const { id, name } = deleting;
            remove.mutate(
              { id },
              {
                onSuccess: () => {
                  setNotice(`${name} is deleted.`);
                  if (watching === id) setWatching(null);
                },
                onSettled: () => setDeleting(null),
              },
            );
          }}
        >
          <p>Nothing more is sent there, and its deliveries (queued ones too) and their history go with it.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
