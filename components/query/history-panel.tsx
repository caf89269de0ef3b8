'use client';
/** Past runs (newest first, searchable) and saved queries; choosing one puts it in the editor. */
import { useMayAct } from '@/components/auth/use-cluster-role';
import { useState } from 'react';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import { text, urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { useQueryHistory, useSavedQueries } from './use-query-data';

// The history's search is in the workbench's URL (?history=orders), so a search can be linked to;
// 200 characters, as query.history accepts.
const HISTORY_PARAMS = urlParams({ history: text(200) });

export interface LoadedQuery {
  statement: string;
  keyspace: string | null;
}

export function HistoryPanel({
  clusterId,
  current,
  onLoad,
}: {
  clusterId: string;
  current: LoadedQuery;
  onLoad(query: LoadedQuery): void;
}) {
  const [{ history: search }, setParams] = useUrlState(HISTORY_PARAMS);
  const [name, setName] = useState('');
  const history = useQueryHistory(clusterId, search);
  const { list: saved, save, remove } = useSavedQueries(clusterId);
  const maySave = useMayAct(clusterId, 'operator');
  return (
    <aside className="history-panel" data-testid="history-panel">
      <h3>Saved queries</h3>
      {maySave ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim() && current.statement.trim())
              save.mutate({ clusterId, name: name.trim(), keyspace: current.keyspace, statement: current.statement });
          }}
        >
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Name"
            aria-label="Saved query name"
            data-testid="save-name"
          />
          <button type="submit" disabled={!name.trim() || save.isPending} data-testid="save-query">
            Save editor
          </button>
        </form>
      ) : null}
      {save.isError ? <ErrorBox inline title="Not saved:" error={save.error} testId="save-error" /> : null}
      {save.data?.redacted ? (
        <p className="muted" role="status" data-testid="save-redacted">
          Saved without its password: the statement is kept with <code>&apos;*****&apos;</code> in its place.
        </p>
      ) : null}
      {remove.isError ? <ErrorBox inline title="Not deleted:" error={remove.error} testId="delete-error" /> : null}
      <QueryState
        query={saved}
        loading="Reading saved queries…"
        errorTitle="Cannot read the saved queries:"
        errorTestId="saved-error"
      >
        {(list) => (
          <ul className="query-list" data-testid="saved-queries">
            {list.map((q) => (
              <li key={q.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => onLoad({ statement: q.statement, keyspace: q.keyspace })}
                  title={q.statement}
                >
                  {q.name}
                </button>{' '}
                {maySave ? (
                  <button
                    type="button"
                    className="link muted"
                    onClick={() => remove.mutate({ clusterId, id: q.id })}
                    aria-label={`Delete ${q.name}`}
                  >
                    ✕
                  </button>
                ) : null}
              </li>
            ))}
            {list.length === 0 ? <li className="muted">None yet.</li> : null}
          </ul>
        )}
      </QueryState>
      <h3>History</h3>
      <input
        value={search}
        onChange={(e) => setParams({ history: e.target.value })}
        maxLength={200}
        placeholder="Search history"
        aria-label="Search history"
        data-testid="history-search"
      />
      <QueryState
        query={history}
        loading="Reading the history…"
        errorTitle="Cannot read the history:"
        errorTestId="history-error"
      >
        {(entries) => (
          <ul className="query-list" data-testid="history">
            {entries.map((h) => (
              <li key={h.id} className={`history-${h.outcome}`} data-testid={`history-entry-${h.outcome}`}>
                <button
                  type="button"
                  className="link mono"
                  onClick={() => onLoad({ statement: h.statement, keyspace: h.keyspace })}
                  title={h.error ?? h.statement}
                >
                  {h.statement.length > 80 ? `${h.statement.slice(0, 80)}…` : h.statement}
                </button>
                <div className="muted">
                  {new Date(h.ranAt).toLocaleTimeString()} · {h.outcome}
                  {h.rows !== null ? ` · ${h.rows} rows` : ''} · {h.tookMs} ms{h.keyspace ? ` · ${h.keyspace}` : ''}
                </div>
                {/* Why it failed is said here, not only in a tooltip. */}
                {h.error ? (
                  <div className="problem" data-testid="history-entry-error">
                    {h.error}
                  </div>
                ) : null}
              </li>
            ))}
            {entries.length === 0 ? (
              <li className="muted" data-testid="history-empty">
                {search ? 'Nothing ran matches.' : 'Nothing has run yet.'}
              </li>
            ) : null}
          </ul>
        )}
      </QueryState>
    </aside>
  );
}
