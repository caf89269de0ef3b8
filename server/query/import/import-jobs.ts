import 'server-only';
/**
 * Imports running and just ended, by the id the browser chose, kept per user. The upload is first
 * written to a file in the console's data folder at the speed it arrives, so the request ends quickly
 * (no proxy or server timeout can cut a slow load), and the load then runs on the server from that file
 * whether or not a page watches; the file is removed when the load ends.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
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
  /** The first REPORTED_REJECTS rejected lines; `rowsRejected` counts them all. */
  rejects: RejectedLine[];
}

interface TrackedImport {
  /** The received file, while there is one. */
  file: string;
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

function trackImport(ownerId: string, importId: string, settings: ImportSettings, file: string): TrackedImport {
  const now = Date.now();
  for (const [id, i] of imports) if (i.status.endedAt !== null && now - i.status.endedAt > KEEP_MS) imports.delete(id);
  for (const [id, i] of imports) {
    if (imports.size < MAX_TRACKED) break;
    if (i.status.endedAt !== null) imports.delete(id);
  }
  const tracked: TrackedImport = {
    file,
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
        done(new UploadTooLargeError(`the file is over the ${maxBytes / 2 ** 30} GiB an import takes`));
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
/** Loads running at once in this console: each holds a file in the data folder and a share of the cluster. */
export const MAX_RUNNING_IMPORTS = 4;

/** An import refused before its file is taken (another with the same id, too many running); the message says which. */
export class ImportRefusedError extends Error {}

let leftoversCleared = false;

/** The data folder's `imports/`, emptied of files a previous process left behind (a restart ends their loads). */
async function importsFolder(): Promise<string> {
  const folder = join(resolve(/*turbopackIgnore: true*/ config().dataDir), 'imports');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  if (!leftoversCleared) {
    leftoversCleared = true;
    const running = new Set([...imports.values()].map((i) => i.file));
    for (const name of await readdir(folder))
      if (name.endsWith('.upload') && !running.has(join(folder, name))) await rm(join(folder, name), { force: true });
  }
  return folder;
}

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
  if (imports.has(keyOf(ownerId, importId)))
    throw new ImportRefusedError(`an import with id ${importId} was already sent: each import needs an id of its own`);
  const running = [...imports.values()].filter((i) => i.status.endedAt === null).length;
  if (running >= MAX_RUNNING_IMPORTS)
    throw new ImportRefusedError(
      `${running} imports are running on this console, the most it takes at once: wait for one to end, or stop one`,
    );
  const folder = await importsFolder();
  // The file is named by the console, not by the id the browser chose.
  const file = join(folder, `${randomUUID()}.upload`);
  const tracked = trackImport(ownerId, importId, settings, file);
  try {
    tracked.status.totalBytes = await spool(body, file, MAX_UPLOAD_BYTES, tracked);
  } catch (error) {
    end(tracked, tracked.abort.signal.aborted ? 'stopped' : 'failed', toTRPCError(error).message);
    throw error;
  }
  tracked.status.state = 'loading';
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  void loadFile(settings, source, tracked.counters, tracked.abort.signal)
    .then(
      () => end(tracked, 'done', null),
      (error: unknown) => {
        const mapped = toTRPCError(error);
        end(tracked, tracked.abort.signal.aborted ? 'stopped' : 'failed', mapped.message);
        const counts = { importId, rowsLoaded: tracked.counters.rowsLoaded, lines: tracked.counters.lines };
        // A stop the import explains (rejected lines, a failing cluster, the user) needs no stack; a
        // refusal of the file is not logged word for word, as it may quote the file's values.
        if (mapped.code === 'INTERNAL_SERVER_ERROR' && !(error instanceof ImportStoppedError))
          log.error({ err: error, ...counts }, `import failed: ${mapped.message}`);
        else if (error instanceof ImportStoppedError) log.warn(counts, `import ended early: ${mapped.message}`);
        else log.warn({ ...counts, code: mapped.code }, 'import ended early: the file does not fit the table');
      },
    )
    .finally(() => {
      // Not read to its end when the load stopped early: closed here, or the descriptor keeps the file.
      source.destroy();
      rm(file, { force: true }).catch((error: unknown) =>
        log.error({ err: error, importId }, 'the received file of an import could not be removed'),
      );
      onEnd(importStatus(ownerId, importId)!);
    });
}
