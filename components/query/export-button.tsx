'use client';
/**
 * Exports a whole result (every page) in the chosen dialect (CSV for spreadsheets, CSV that cqlsh's
 * COPY FROM loads back, JSON lines) or as a JSON array. The browser downloads it natively — a form
 * posted into a hidden frame — so the file goes straight to disk and the page's memory stays flat;
 * the server streams it and reports rows written, the end, or what cut it short, which is polled here.
 */
import { useRef, useState } from 'react';
import { ErrorBox } from '@/components/ui/error-box';
import { EXPORT_DIALECT_LABELS, type ExportDialect } from '@/lib/cql/export-dialects';
import { useExport } from './use-query-data';

export interface ExportSource {
  clusterId: string;
  keyspace: string | null;
  statement: string;
  values: unknown[] | null;
  consistency: string;
}

const FRAME = 'ringside-export-frame';
/** The dialects the picker offers; the JSON array has its own button. */
const PICKED: ExportDialect[] = ['rfc4180', 'cqlsh', 'jsonl'];

export function ExportButtons({ source }: { source: ExportSource }) {
  const form = useRef<HTMLFormElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [exportId, setExportId] = useState<string | null>(null);
  const [dialect, setDialect] = useState<ExportDialect>('rfc4180');
  const { status, stop } = useExport(exportId);

  function start(chosen: ExportDialect) {
    const id = crypto.randomUUID();
    field.current!.value = JSON.stringify({ ...source, dialect: chosen, exportId: id });
    setExportId(id);
    form.current!.submit();
  }

  const state = exportId ? status.data : undefined;
  const running = exportId !== null && (state === undefined || state === null || state.state === 'running');
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  return (
    <span className="export" data-testid="export">
      <form ref={form} method="post" action="/api/export" target={FRAME} hidden>
        <input ref={field} type="hidden" name="request" />
      </form>
      <iframe name={FRAME} title="export download" hidden />
      <select
        aria-label="export dialect"
        value={dialect}
        onChange={(e) => setDialect(e.target.value as ExportDialect)}
        disabled={running}
        data-testid="export-dialect"
      >
        {PICKED.map((d) => (
          <option key={d} value={d}>
            {EXPORT_DIALECT_LABELS[d]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => start(dialect)} disabled={running} data-testid="export-csv">
        {dialect === 'jsonl' ? 'Export JSON lines' : 'Export CSV'}
      </button>
      <button type="button" onClick={() => start('json')} disabled={running} data-testid="export-json">
        Export JSON
      </button>
      {running ? (
        <>
          <span data-testid="export-progress">
            exporting… {(state?.rows ?? 0).toLocaleString('en')} rows · {mb(state?.bytes ?? 0)}
          </span>
          <button type="button" onClick={() => exportId && stop(exportId)} data-testid="export-stop">
            Stop
          </button>
        </>
      ) : null}
      {state?.state === 'done' ? (
        <span data-testid="export-done">
          exported {state.rows.toLocaleString('en')} rows · {mb(state.bytes)}
        </span>
      ) : null}
      {state?.state === 'failed' ? (
        <ErrorBox
          inline
          title={`export failed after ${state.rows.toLocaleString('en')} rows:`}
          error={state.error}
          testId="export-error"
        />
      ) : null}
    </span>
  );
}
