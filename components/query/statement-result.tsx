'use client';
/** What one statement gave: its rows (grid or JSON) with paging, export and trace, or its error. */
import { useState } from 'react';
import type { JsonValue } from '@/lib/cql/json-value';
import { ExportButtons } from './export-button';
import { ResultGrid, ResultJson } from './result-grid';
import { TraceTimeline } from './trace-timeline';
import type { RunOutcome } from './use-query-data';

export interface StatementResult {
  statement: string;
  keyspace: string | null;
  values: JsonValue[] | null;
  outcome: RunOutcome;
  /** The paging state that fetched each page so far (null for the first). */
  pagingStates: (string | null)[];
  /** A later step that failed (the rest of a page, the next page) while what is shown stays good. */
  notice?: string | null;
}

interface Props {
  clusterId: string;
  result: StatementResult;
  consistency: string;
  busy: boolean;
  onPage(direction: 1 | -1): void;
}

export function StatementResultView({ clusterId, result, consistency, busy, onPage }: Props) {
  const [view, setView] = useState<'grid' | 'json'>('grid');
  const [showTrace, setShowTrace] = useState(true);
  const { outcome } = result;
  if (!outcome.ok) {
    const { error } = outcome;
    return (
      <div className="statement-error error" data-testid="statement-error" data-kind={error.kind}>
        <strong>{error.message}</strong>
        {error.position ? (
          <p data-testid="error-position">
            at line {error.position.line}, column {error.position.column}:
          </p>
        ) : null}
        <pre className="mono">{result.statement}</pre>
        {error.hint ? <p className="muted">{error.hint}</p> : null}
      </div>
    );
  }
  if (outcome.kind === 'use') return <p data-testid="statement-done">Now using keyspace {outcome.keyspace}.</p>;
  const traceId = outcome.traceId;
  const meta = (
    <span className="muted">
      {outcome.tookMs} ms{outcome.coordinator ? ` · coordinator ${outcome.coordinator}` : ''}
    </span>
  );
  return (
    <div className="statement-result" data-testid="statement-result">
      {result.notice ? (
        <p className="warning" data-testid="result-notice">
          {result.notice}
        </p>
      ) : null}
      {outcome.warnings.map((w, i) => (
        <p key={i} className="warning" data-testid="statement-warning">
          {w}
        </p>
      ))}
      {outcome.kind === 'done' ? (
        <p data-testid="statement-done">
          {outcome.applied === null ? 'Done.' : outcome.applied ? 'Applied.' : 'Not applied (the condition was false).'}{' '}
          {meta}
        </p>
      ) : (
        <>
          <div className="result-bar">
            <span data-testid="result-summary">
              page {result.pagingStates.length} · {outcome.rowCount} row{outcome.rowCount === 1 ? '' : 's'}
              {outcome.pagingState ? ' · more available' : ''}
              {outcome.rows.length < outcome.rowCount
                ? ` · showing the first ${outcome.rows.length} while the rest arrives`
                : ''}
            </span>{' '}
            {meta}{' '}
            <button
              type="button"
              onClick={() => onPage(-1)}
              disabled={busy || result.pagingStates.length < 2}
              data-testid="page-back"
            >
              ← Previous page
            </button>
            <button
              type="button"
              onClick={() => onPage(1)}
              disabled={busy || !outcome.pagingState}
              data-testid="page-forward"
            >
              Next page →
            </button>
            <button type="button" onClick={() => setView(view === 'grid' ? 'json' : 'grid')} data-testid="toggle-json">
              {view === 'grid' ? 'As JSON' : 'As rows'}
            </button>
            <ExportButtons
              source={{
                clusterId,
                keyspace: result.keyspace,
                statement: result.statement,
                values: result.values,
                consistency,
              }}
            />
          </div>
          {outcome.truncatedCells > 0 ? (
            <p className="warning">
              {outcome.truncatedCells} cells were too long to show whole here; the export has them in full.
            </p>
          ) : null}
          {view === 'grid' ? (
            <ResultGrid columns={outcome.columns} rows={outcome.rows} />
          ) : (
            <ResultJson json={outcome.json} />
          )}
        </>
      )}
      {traceId ? (
        <div className="trace-section">
          <button type="button" onClick={() => setShowTrace(!showTrace)} data-testid="toggle-trace">
            {showTrace ? 'Hide trace' : 'Show trace'}
          </button>
          {showTrace ? <TraceTimeline clusterId={clusterId} traceId={traceId} /> : null}
        </div>
      ) : null}
    </div>
  );
}
