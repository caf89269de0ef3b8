/**
 * export: 1,000,000 rows to CSV through the console's export (streamed over HTTP, read to the end)
 * and through `cqlsh -e "COPY … TO …"`, on the same table in the same run: wall time of each and
 * the peak memory of each process group. Targets: Ringside ≥ 1.5× faster; memory flat in rows.
 * The table (ringside_bench.export_rows, RF 1) is loaded once and reused while it is complete.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import cassandra from 'cassandra-driver';
import { cqlshCommand } from '@/localcluster/cqlsh';
import { runClusterOrThrow } from '@/localcluster/harness';
import { benchSession, startConsole } from './console-server';
import { groupRssMb, samplePeak } from './process-memory';

const ROWS = Number(process.env.RINGSIDE_EXPORT_ROWS ?? 1_000_000);
const PARTITIONS = 1000;
const KS = 'ringside_bench';
const TABLE = `${KS}.export_rows`;

async function ensureTable(): Promise<void> {
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  try {
    // One replica in the local DC: LOCAL_ONE reads and writes never wait on dc2.
    await client.execute(
      `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`,
    );
    await client.execute(`ALTER KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`);
    await client.execute(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (p int, c int, name text, reading double, at timestamp, ok boolean, PRIMARY KEY (p, c))`,
    );
    await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.loaded (name text PRIMARY KEY, rows int)`);
    const marker = (await client.execute(`SELECT rows FROM ${KS}.loaded WHERE name = 'export_rows'`)).first();
    if (marker?.get('rows') === ROWS) return console.log(`${TABLE} already holds ${ROWS} rows`);
    console.log(`loading ${ROWS} rows into ${TABLE}…`);
    const started = Date.now();
    const perPartition = Math.ceil(ROWS / PARTITIONS);
    function* params(): Generator<unknown[]> {
      for (let i = 0; i < ROWS; i++)
        yield [
          i % PARTITIONS,
          Math.floor(i / PARTITIONS),
          `row ${i}`,
          i / 7,
          new Date(1_700_000_000_000 + i * 1000),
          i % 2 === 0,
        ];
    }
    await cassandra.concurrent.executeConcurrent(
      client,
      `INSERT INTO ${TABLE} (p, c, name, reading, at, ok) VALUES (?, ?, ?, ?, ?, ?)`,
      Readable.from(params()),
      { concurrencyLevel: 512 },
    );
    await client.execute(`INSERT INTO ${KS}.loaded (name, rows) VALUES ('export_rows', ?)`, [ROWS], { prepare: true });
    console.log(`loaded in ${((Date.now() - started) / 1000).toFixed(0)} s (${perPartition} rows per partition)`);
  } finally {
    await client.shutdown();
  }
}

async function ringsideExport(
  url: string,
  pgid: number | null,
  cookie: string,
  limit?: number,
): Promise<{ seconds: number; lines: number; peakMb: number; baselineMb: number }> {
  const baselineMb = pgid ? groupRssMb(pgid) : 0;
  const sampler = pgid ? samplePeak(pgid) : null;
  const started = performance.now();
  const response = await fetch(`${url}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({
      clusterId: 'demo',
      keyspace: null,
      statement: `SELECT * FROM ${TABLE}${limit ? ` LIMIT ${limit}` : ''}`,
      format: 'csv',
      consistency: 'ONE',
    }),
  });
  if (!response.ok || !response.body)
    throw new Error(`export failed: HTTP ${response.status} ${await response.text()}`);
  let lines = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, lines, peakMb: sampler?.stop() ?? 0, baselineMb };
}

async function cqlshExport(): Promise<{ seconds: number; bytes: number; peakMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-export-'));
  const file = join(dir, 'rows.csv');
  try {
    const started = performance.now();
    const child = spawn(
      cqlshCommand(),
      ['127.0.0.1', '9042', '--request-timeout', '60', '-e', `COPY ${TABLE} TO '${file}' WITH HEADER = true`],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const sampler = samplePeak(child.pid!);
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const seconds = (performance.now() - started) / 1000;
    const peakMb = sampler.stop();
    if (code !== 0) throw new Error(`cqlsh COPY TO failed (${code}): ${output.slice(-500)}`);
    console.log(
      output
        .trim()
        .split(/[\r\n]+/)
        .slice(-2)
        .join('\n'),
    );
    return { seconds, bytes: statSync(file).size, peakMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  await ensureTable();
  const server = await startConsole();
  try {
    const cookie = await benchSession(server.url, 'ringside.config.json');
    // One untimed pass so the console's first-request work (route compile, driver connect) is not counted.
    await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ clusterId: 'demo', statement: `SELECT * FROM ${TABLE} LIMIT 10` }),
    }).then((r) => r.text());
    // A tenth of the rows first: peak memory for 100,000 and for 1,000,000 rows side by side shows whether it is flat.
    const tenth = await ringsideExport(server.url, server.pgid, cookie, ROWS / 10);
    console.log(
      `ringside: ${tenth.lines - 1} rows in ${tenth.seconds.toFixed(1)} s; server RSS ${tenth.baselineMb.toFixed(0)} MB before, peak ${tenth.peakMb.toFixed(0)} MB`,
    );
    const first = await ringsideExport(server.url, server.pgid, cookie);
    console.log(
      `ringside: ${first.lines - 1} rows in ${first.seconds.toFixed(1)} s; server RSS ${first.baselineMb.toFixed(0)} MB before, peak ${first.peakMb.toFixed(0)} MB`,
    );
    // Again: a heap that merely grew to its working size stays put; one that holds rows would grow again.
    const ringside = await ringsideExport(server.url, server.pgid, cookie);
    console.log(
      `ringside: ${ringside.lines - 1} rows in ${ringside.seconds.toFixed(1)} s; server RSS ${ringside.baselineMb.toFixed(0)} MB before, peak ${ringside.peakMb.toFixed(0)} MB`,
    );
    if (ringside.lines - 1 !== ROWS)
      throw new Error(`the console exported ${ringside.lines - 1} rows, expected ${ROWS}`);
    const cqlsh = await cqlshExport();
    console.log(
      `cqlsh COPY TO: ${(cqlsh.bytes / 1e6).toFixed(0)} MB in ${cqlsh.seconds.toFixed(1)} s; peak RSS ${cqlsh.peakMb.toFixed(0)} MB`,
    );
    return {
      rows: ROWS,
      ringside_s: Number(ringside.seconds.toFixed(2)),
      ringside_first_pass_s: Number(first.seconds.toFixed(2)),
      cqlsh_s: Number(cqlsh.seconds.toFixed(2)),
      ratio: Number((cqlsh.seconds / ringside.seconds).toFixed(2)),
      ringside_peak_mb: Math.round(ringside.peakMb),
      ringside_peak_mb_tenth_rows: Math.round(tenth.peakMb),
      ringside_peak_mb_first_pass: Math.round(first.peakMb),
      ringside_baseline_mb: Math.round(ringside.baselineMb),
      cqlsh_peak_mb: Math.round(cqlsh.peakMb),
    };
  } finally {
    server.stop();
  }
}
