/**
 * import: a million rows exported by the console (cqlsh dialect) loaded back into an empty twin table
 * through the console's import (POST /api/import, then polled to the end) and through
 * `cqlsh -e "COPY … FROM …"`, in the same run, on the same file: wall time of each, rows per second,
 * and the console's peak memory. Target: the console ≥ 2× faster than cqlsh COPY FROM.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import cassandra from 'cassandra-driver';
import { runClusterOrThrow } from '@/localcluster/harness';
import { benchSession, startConsole } from './console-server';
import { ensureTable, EXPORT_ROWS, EXPORT_TABLE } from './export';
import { timedCqlsh } from './cqlsh-run';
import { groupRssMb, samplePeak } from './process-memory';

const KS = 'ringside_bench';
const TWIN = 'import_rows';

async function withClient<T>(work: (client: cassandra.Client) => Promise<T>): Promise<T> {
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  try {
    return await work(client);
  } finally {
    await client.shutdown();
  }
}

/** An empty twin of the exported table. */
async function emptyTwin(): Promise<void> {
  await withClient(async (client) => {
    await client.execute(
      `CREATE TABLE IF NOT EXISTS ${KS}.${TWIN} (p int, c int, name text, reading double, at timestamp, ok boolean, PRIMARY KEY (p, c))`,
    );
    await client.execute(`TRUNCATE ${KS}.${TWIN}`, [], { readTimeout: 60_000 });
  });
}

/** The table exported by the console in the cqlsh dialect, to a file. */
async function exportFile(url: string, cookie: string, file: string): Promise<void> {
  const response = await fetch(`${url}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({
      clusterId: 'demo',
      statement: `SELECT * FROM ${EXPORT_TABLE}`,
      dialect: 'cqlsh',
      consistency: 'ONE',
    }),
  });
  if (!response.ok || !response.body)
    throw new Error(`export failed: HTTP ${response.status} ${await response.text()}`);
  await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(file));
}

interface ImportStatus {
  state: string;
  error: string | null;
  rowsLoaded: number;
  rowsRejected: number;
}

/** `query.importProgress` over plain HTTP, with the bench's one session (a second sign-in would end it). */
async function importProgress(url: string, cookie: string, importId: string): Promise<ImportStatus | null> {
  const input = encodeURIComponent(JSON.stringify({ json: { importId } }));
  const response = await fetch(`${url}/api/trpc/query.importProgress?input=${input}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`importProgress: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { result: { data: { json: ImportStatus | null } } };
  return body.result.data.json;
}

async function ringsideImport(url: string, pgid: number | null, cookie: string, file: string) {
  const importId = crypto.randomUUID();
  const query = new URLSearchParams({
    clusterId: 'demo',
    keyspace: KS,
    table: TWIN,
    format: 'cqlsh',
    consistency: 'ONE',
    importId,
  });
  const baselineMb = pgid ? groupRssMb(pgid) : 0;
  const sampler = pgid ? samplePeak(pgid) : null;
  const started = performance.now();
  const response = await fetch(`${url}/api/import?${query}`, {
    method: 'POST',
    headers: { origin: url, cookie, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 202) throw new Error(`import refused: HTTP ${response.status} ${await response.text()}`);
  const uploadedS = (performance.now() - started) / 1000;
  for (;;) {
    const status = await importProgress(url, cookie, importId);
    if (status && status.state !== 'receiving' && status.state !== 'loading') {
      const seconds = (performance.now() - started) / 1000;
      if (status.state !== 'done') throw new Error(`import ${status.state}: ${status.error}`);
      return { seconds, uploadedS, status, peakMb: sampler?.stop() ?? 0, baselineMb };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function cqlshImport(file: string): Promise<{ seconds: number; rows: number; peakMb: number }> {
  const { seconds, peakMb, output } = await timedCqlsh(
    `COPY ${KS}.${TWIN} FROM '${file}' WITH HEADER = true AND NULL = 'null'`,
    'cqlsh COPY FROM',
  );
  if (/Failed to import|ParseError/.test(output))
    throw new Error(`cqlsh COPY FROM rejected rows: ${output.slice(-500)}`);
  const imported = /(\d+) rows imported/.exec(output);
  return { seconds, rows: Number(imported?.[1] ?? NaN), peakMb };
}

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  await ensureTable();
  const dir = mkdtempSync(join(tmpdir(), 'ringside-import-'));
  const file = join(dir, 'rows.csv');
  const server = await startConsole();
  try {
    const cookie = await benchSession(server.url, 'ringside.config.json');
    await exportFile(server.url, cookie, file);
    const fileMb = statSync(file).size / 1e6;
    console.log(`exported ${EXPORT_TABLE} (cqlsh dialect): ${fileMb.toFixed(0)} MB`);

    await emptyTwin();
    const ringside = await ringsideImport(server.url, server.pgid, cookie, file);
    const { rowsLoaded, rowsRejected } = ringside.status;
    console.log(
      `ringside: ${rowsLoaded} rows loaded, ${rowsRejected} rejected in ${ringside.seconds.toFixed(1)} s (file received in ${ringside.uploadedS.toFixed(1)} s); server RSS ${ringside.baselineMb.toFixed(0)} MB before, peak ${ringside.peakMb.toFixed(0)} MB`,
    );
    if (rowsLoaded !== EXPORT_ROWS || rowsRejected !== 0)
      throw new Error(`the console loaded ${rowsLoaded} rows (${rowsRejected} rejected), expected ${EXPORT_ROWS}`);

    await emptyTwin();
    const cqlsh = await cqlshImport(file);
    console.log(
      `cqlsh COPY FROM: ${cqlsh.rows} rows in ${cqlsh.seconds.toFixed(1)} s; peak RSS ${cqlsh.peakMb.toFixed(0)} MB`,
    );
    if (cqlsh.rows !== EXPORT_ROWS) throw new Error(`cqlsh imported ${cqlsh.rows} rows, expected ${EXPORT_ROWS}`);
    return {
      rows: EXPORT_ROWS,
      file_mb: Math.round(fileMb),
      ringside_s: Number(ringside.seconds.toFixed(2)),
      ringside_rows_per_s: Math.round(EXPORT_ROWS / ringside.seconds),
      cqlsh_s: Number(cqlsh.seconds.toFixed(2)),
      cqlsh_rows_per_s: Math.round(EXPORT_ROWS / cqlsh.seconds),
      ratio: Number((cqlsh.seconds / ringside.seconds).toFixed(2)),
      ringside_peak_mb: Math.round(ringside.peakMb),
      ringside_baseline_mb: Math.round(ringside.baselineMb),
      cqlsh_peak_mb: Math.round(cqlsh.peakMb),
    };
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
