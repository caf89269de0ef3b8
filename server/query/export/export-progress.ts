import 'server-only';
/**
 * Exports in progress and just finished, by the id the browser chose. The browser downloads the file
 * natively (straight to disk, its memory flat however big the file) and polls this for the row count,
 * the end, or the error that cut the stream — which a broken download alone would not explain.
 */
import { processSingleton } from '../../process-singleton';

export interface ExportStatus {
  rows: number;
  bytes: number;
  state: 'running' | 'done' | 'failed';
  error: string | null;
  startedAt: number;
  endedAt: number | null;
}

interface TrackedExport extends ExportStatus {
  abort: AbortController;
}

const KEEP_MS = 10 * 60_000;
const MAX_TRACKED = 100;
const exports = processSingleton('workbench-exports', () => new Map<string, TrackedExport>());

const keyOf = (ownerId: string, exportId: string) => `${ownerId}\u0000${exportId}`;

/** Kept per user: another user's export id finds nothing. */
export function trackExport(ownerId: string, exportId: string): TrackedExport {
  const now = Date.now();
  for (const [id, e] of exports) if (e.endedAt !== null && now - e.endedAt > KEEP_MS) exports.delete(id);
  while (exports.size >= MAX_TRACKED) exports.delete(exports.keys().next().value!);
  const tracked: TrackedExport = {
    rows: 0,
    bytes: 0,
    state: 'running',
    error: null,
    startedAt: now,
    endedAt: null,
    abort: new AbortController(),
  };
  exports.set(keyOf(ownerId, exportId), tracked);
  return tracked;
}

export function finishExport(tracked: TrackedExport, error: string | null): void {
  if (tracked.state !== 'running') return;
  tracked.state = error === null ? 'done' : 'failed';
  tracked.error = error;
  tracked.endedAt = Date.now();
}

/** Null until the export's request has reached the console. */
export function exportStatus(ownerId: string, exportId: string): ExportStatus | null {
  const e = exports.get(keyOf(ownerId, exportId));
  return e
    ? { rows: e.rows, bytes: e.bytes, state: e.state, error: e.error, startedAt: e.startedAt, endedAt: e.endedAt }
    : null;
}

export function stopExport(ownerId: string, exportId: string): boolean {
  const e = exports.get(keyOf(ownerId, exportId));
  if (!e || e.state !== 'running') return false;
  e.abort.abort();
  finishExport(e, 'stopped by the user');
  return true;
}
