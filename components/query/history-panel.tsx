'use client';
/** Past runs (newest first, searchable) and saved queries; choosing one puts it in the editor. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/react';

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [name, setName] = useState('');
  const history = useQuery(trpc.query.history.queryOptions({ clusterId, search: search || null, limit: 50 }));
  const saved = useQuery(trpc.query.saved.queryOptions({ clusterId }));
  const refreshSaved = () => queryClient.invalidateQueries({ queryKey: trpc.query.saved.queryKey() });
  const save = useMutation(trpc.query.save.mutationOptions({ onSuccess: refreshSaved }));
  const remove = useMutation(trpc.query.deleteSaved.mutationOptions({ onSuccess: refreshSaved }));
  return (
    <aside className="history-panel" data-testid="history-panel">
      <h3>Saved queries</h3>
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
      {save.isError ? <p className="problem">{save.error.message}</p> : null}
      <ul className="query-list" data-testid="saved-queries">
        {saved.data?.map((q) => (
          <li key={q.id}>
            <button
              type="button"
              className="link"
              onClick={() => onLoad({ statement: q.statement, keyspace: q.keyspace })}
              title={q.statement}
            >
              {q.name}
            </button>{' '}
            <button
              type="button"
              className="link muted"
              onClick={() => remove.mutate({ clusterId, id: q.id })}
              aria-label={`Delete ${q.name}`}
            >
              ✕
            </button>
          </li>
        ))}
        {saved.data?.length === 0 ? <li className="muted">None yet.</li> : null}
      </ul>
      <h3>History</h3>
      <input
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Search history"
        aria-label="Search history"
        data-testid="history-search"
      />
      <ul className="query-list" data-testid="history">
        {history.data?.map((h) => (
          <li key={h.id} className={`history-${h.outcome}`}>
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
          </li>
        ))}
      </ul>
    </aside>
  );
}
