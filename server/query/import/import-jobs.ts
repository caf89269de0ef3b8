import 'server-only';
/**
 * Imports running and just ended, by the id the browser chose, kept per user. The upload is first
 * written to a file in the console's data folder at the speed it arrives, so the request ends quickly
 * (no proxy or server timeout can cut a slow load), and the load then runs on the server from that file
 * whether or not a page watches; the file is removed when the load ends.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { config } from '../../config';
import { toTRPCError } from '../../cluster/errors';
import { logger } from '../../log/logger';
import { processSingleton } from '../../process-singleton';
import { ImportStoppedError } from './batch-writer';
import type { RejectedLine } from './import-rows';
import { loadFile, type ImportCounters, type ImportSettings } from './load-file';

const log = logger('import');

export interface ImportStatus extends Omit<ImportCounters, 'rejects'> {
  state: 'receiving' | 'loading' | 'done' | 'failed' | 'stopped';
  error: string | null;
  keyspace: string;
  table: string;
  format: ImportSettings['format'];
  /** The upload's size once it is received. */
  totalBytes: number | null;
  startedAt: number;
  endedAt: number | null;
  /** The first rejected lines (all of them up to REPORTED_REJECTS). */
  rejects: RejectedLine[];
}

interface TrackedImport {
  counters: ImportCounters;
  status: Omit<ImportStatus, keyof ImportCounters>;
  abort: AbortController;
}

/** Rejected lines a status carries; `rowsRejected` counts them all. */
const REPORTED_REJECTS = 1000;
const KEEP_MS = 30 * 60_000;
const MAX_TRACKED = 100;
const imports = processSingleton('workbench-imports', () => new Map<string, TrackedImport>());
const keyOf = (ownerId: string, importId: string) => `${ownerId}\u0000${importId}`;

export function trackImport(ownerId: string, importId: string, settings: ImportSettings): TrackedImport {
  const now = Date.now();
  for (const [id, i] of imports) if (i.status.endedAt !== null && now - i.status.endedAt > KEEP_MS) imports.delete(id);
  for (const [id, i] of imports) {
    if (imports.size < MAX_TRACKED) break;
    if (i.status.endedAt !== null) imports.delete(id);
  }
  const tracked: TrackedImport = {
    counters: { bytesRead: 0, lines: 0, rowsLoaded: 0, rowsRejected: 0, rejects: [] },
    status: {
      state: 'receiving',
      error: null,
      keyspace: settings.keyspace,
      table: settings.table,
      format: settings.format,
      totalBytes: null,
      startedAt: now,
      endedAt: null,
    },
    abort: new AbortController(),
  };
  imports.set(keyOf(ownerId, importId), tracked);
  return tracked;
}

export function importStatus(ownerId: string, importId: string): ImportStatus | null {
  const i = imports.get(keyOf(ownerId, importId));
  if (!i) return null;
  const { rejects, ...counters } = i.counters;
  return { ...counters, ...i.status, rejects: rejects.slice(0, REPORTED_REJECTS) };
}

export function stopImport(ownerId: string, importId: string): boolean {
  const i = imports.get(keyOf(ownerId, importId));
  if (!i || i.status.endedAt !== null) return false;
  i.abort.abort();
  return true;
}

function end(tracked: TrackedImport, state: 'done' | 'failed' | 'stopped', error: string | null): void {
  tracked.status.state = state;
  tracked.status.error = error;
  tracked.status.endedAt = Date.now();
}

/** Too large an upload: the console's data folder is not a place for more than this. */
export class UploadTooLargeError extends Error {}

/**
 * Receives the upload into the data folder; resolves with its size. A body over `maxBytes` fails with
 * UploadTooLargeError and leaves no file behind.
 */
async function spool(body: WebReadableStream<Uint8Array>, file: string, maxBytes: number, tracked: TrackedImport) {
  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes)
        done(new UploadTooLargeError(`the file is over the ${Math.round(maxBytes / 2 ** 20)} MiB an import takes`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body), cap, createWriteStream(file, { mode: 0o600 }), {
      signal: tracked.abort.signal,
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return received;
}

export const MAX_UPLOAD_BYTES = 4 * 2 ** 30;

/**
 * Receives the file and starts loading it; resolves once the file is received (the load goes on). A
 * failure while receiving rejects, and the import is marked failed with it.
 */
export async function startImport(
  ownerId: string,
  importId: string,
  settings: ImportSettings,
  body: WebReadableStream<Uint8Array>,
  onEnd: (status: ImportStatus) => void,
): Promise<void> {
  const tracked = trackImport(ownerId, importId, settings);
  const folder = join(resolve(/*turbopackIgnore: true*/ config().dataDir), 'imports');
  const file = join(folder, `${importId}.upload`);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    tracked.status.totalBytes = await spool(body, file, MAX_UPLOAD_BYTES, tracked);
  } catch (error) {
    end(tracked, tracked.abort.signal.aborted ? 'stopped' : 'failed', toTRPCError(error).message);
    throw error;
  }
  tracked.status.state = 'loading';
  void loadFile(settings, createReadStream(file, { highWaterMark: 1 << 20 }), tracked.counters, tracked.abort.signal)
    .then(
      () => end(tracked, 'done', null),
      (error: unknown) => {
        const mapped = toTRPCError(error);
        end(tracked, tracked.abort.signal.aborted ? 'stopped' : 'failed', mapped.message);
        // A stop the import explains (rejected lines, a failing cluster, the user) needs no stack.
        if (mapped.code === 'INTERNAL_SERVER_ERROR' && !(error instanceof ImportStoppedError))
          log.error({ err: error, importId }, `import failed: ${mapped.message}`);
        else log.warn({ importId }, `import ended early: ${mapped.message}`);
      },
    )
    .finally(() => {
      void rm(file, { force: true });
      onEnd(importStatus(ownerId, importId)!);
    });
}
