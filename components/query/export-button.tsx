'use client';
/**
 * Exports a whole result (every page) as CSV or JSON. The server streams it; here the chunks are
 * counted for progress and handed to the browser as a file when the stream ends. Chromium keeps a
 * large Blob on disk rather than in memory.
 */
import { useRef, useState } from 'react';
import { recordCounter } from './count-records';

export interface ExportSource {
  clusterId: string;
  keyspace: string | null;
  statement: string;
  values: unknown[] | null;
  consistency: string;
}

type ExportState = { phase: 'idle' } | { phase: 'running'; rows: number; bytes: number } | { phase: 'done'; rows: number; bytes: number } | { phase: 'failed'; message: string; rows: number };

export function ExportButtons({ source }: { source: ExportSource }) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function run(format: 'csv' | 'json') {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'running', rows: 0, bytes: 0 });
    let rows = 0;
    try {
      const response = await fetch('/api/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...source, format }),
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        throw new Error(body.error ?? `the export failed (HTTP ${response.status})`);
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const counter = recordCounter(format);
      const parts: Uint8Array[] = [];
      let bytes = 0;
      let lastPaint = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        rows = counter.feed(decoder.decode(value, { stream: true }));
        if (performance.now() - lastPaint > 100) {
          lastPaint = performance.now();
          setState({ phase: 'running', rows, bytes });
        }
      }
      const blob = new Blob(parts as BlobPart[], { type: format === 'csv' ? 'text/csv' : 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `ringside-export.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ phase: 'done', rows, bytes });
    } catch (error) {
      const message = controller.signal.aborted ? 'export cancelled' : error instanceof Error ? error.message : String(error);
      setState({ phase: 'failed', message, rows });
    } finally {
      abort.current = null;
    }
  }

  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  return (
    <span className="export" data-testid="export">
      <button type="button" onClick={() => void run('csv')} disabled={state.phase === 'running'} data-testid="export-csv">
        Export CSV
      </button>
      <button type="button" onClick={() => void run('json')} disabled={state.phase === 'running'} data-testid="export-json">
        Export JSON
      </button>
      {state.phase === 'running' ? (
        <>
          <span data-testid="export-progress">
            exporting… {state.rows.toLocaleString('en')} rows · {mb(state.bytes)}
          </span>
          <button type="button" onClick={() => abort.current?.abort()}>
            Stop
          </button>
        </>
      ) : null}
      {state.phase === 'done' ? (
        <span data-testid="export-done">
          exported {state.rows.toLocaleString('en')} rows · {mb(state.bytes)}
        </span>
      ) : null}
      {state.phase === 'failed' ? (
        <span className="problem" data-testid="export-error">
          {state.message} (after {state.rows.toLocaleString('en')} rows)
        </span>
      ) : null}
    </span>
  );
}
