/**
 * The cqlsh dialect's promise, held to real cqlsh: a table of every type COPY FROM can load, with
 * edge and seeded random values, exported through `exportRows`, loaded by `cqlsh COPY … FROM` into
 * a twin table, and every cell of the twin read back through the driver equal to the original.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cqlshCommand } from '@/localcluster/cqlsh';
import { cellDifferences } from '@/testing/cell-differences';
import { COLUMNS, insertStatements, KS, ROWS, SCHEMA } from '@/testing/export-roundtrip-corpus';
import { closeAll, driverFor } from '../../cluster/registry';
import { exportRows, type ExportRequest } from './export-rows';

const dir = mkdtempSync(join(tmpdir(), 'ringside-export-roundtrip-'));

beforeAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  for (const statement of SCHEMA) await client.execute(statement);
  const inserts = insertStatements();
  for (let i = 0; i < inserts.length; i += 32)
    await Promise.all(inserts.slice(i, i + 32).map((s) => client.execute(s)));
  // One row per value cqlsh's COPY FROM would not bring back the same.
  for (const values of [
    "1, 'two\nlines', null, null, null",
    "2, 'null', null, null, null",
    "3, 'x', {street: 'a', tags: {'b', 'a'}}, null, null",
    "4, 'x', null, (1, null), null",
    "5, 'x', null, null, 0",
    '6, null, null, null, null',
  ])
    await client.execute(`INSERT INTO ${KS}.cannot (pk, t, u, tu, d) VALUES (${values})`);
  await client.execute(`UPDATE ${KS}.cannot SET du = 1y2mo WHERE pk = 6`);
});

afterAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await closeAll();
  rmSync(dir, { recursive: true, force: true });
});

const request = (statement: string, overrides: Partial<ExportRequest> = {}): ExportRequest => ({
  clusterId: 'demo',
  keyspace: KS,
  statement,
  values: null,
  consistency: 'LOCAL_ONE',
  dialect: 'cqlsh',
  header: true,
  delimiter: ',',
  nullMarker: 'null',
  timeZone: 'UTC',
  fetchSize: 100,
  timeoutMs: 10_000,
  ...overrides,
});

async function exported(r: ExportRequest): Promise<string> {
  let text = '';
  for await (const chunk of exportRows(r, { rows: 0, bytes: 0 })) text += chunk;
  return text;
}

/** Runs cqlsh at its defaults (an empty cqlshrc, no TZ) with one statement; returns what it printed. */
function cqlsh(statement: string): string {
  const rc = join(dir, 'cqlshrc');
  writeFileSync(rc, '');
  const env = { ...process.env };
  delete env.TZ;
  const out = spawnSync(cqlshCommand(), ['127.0.0.1', '9042', '--no-color', '--cqlshrc', rc, '-e', statement], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  if (out.error) throw new Error(`cannot run ${cqlshCommand()} (scripts/ensure-deps.sh --cqlsh): ${out.error.message}`);
  if (out.status !== 0) throw new Error(`cqlsh exited ${out.status}: ${out.stderr}\n${out.stdout}`);
  return `${out.stdout}${out.stderr}`;
}

/** Every row of a table by its key (pk shifted back by `pkOffset`), each cell as the workbench's driver client decodes it. */
async function cells(table: string, pkOffset = 0): Promise<Map<string, Record<string, unknown>>> {
  const client = await driverFor('demo', 'workbench');
  const result = await client.execute(`SELECT ${COLUMNS.join(', ')} FROM ${KS}.${table}`, [], {
    prepare: false,
    fetchSize: 10_000,
  });
  const rows = result.rows.filter((row) => Math.floor(Number(row.get('pk')) / 100) * 100 === pkOffset);
  return new Map(
    rows.map((row) => [
      `${Number(row.get('pk')) - pkOffset}/${row.get('ck')}`,
      Object.fromEntries(COLUMNS.filter((c) => c !== 'pk').map((c) => [c, row.get(c)])),
    ]),
  );
}

/** Every cell of `back` that is not the original's, as `key column: original came back as …`. */
async function differences(back: Map<string, Record<string, unknown>>): Promise<string[]> {
  const original = await cells('t');
  expect(original.size).toBe(ROWS.length);
  return cellDifferences(original, back);
}

describe('export, cqlsh dialect → cqlsh COPY FROM', () => {
  it(`brings back every cell of ${COLUMNS.length} columns over ${ROWS.length} rows unchanged`, async () => {
    // A zone with an offset (and a summer time) for the timestamps: the instant must survive it.
    const file = join(dir, 'export.csv');
    writeFileSync(
      file,
      await exported(request(`SELECT ${COLUMNS.join(', ')} FROM t`, { timeZone: 'America/Sao_Paulo' })),
    );
    const said = cqlsh(`COPY ${KS}.twin (${COLUMNS.join(', ')}) FROM '${file}' WITH HEADER=true AND NULL='null'`);
    expect(said).toContain(`${ROWS.length} rows imported`);
    expect(said).not.toMatch(/Failed to import|ParseError/);
    expect(await differences(await cells('twin'))).toEqual([]);
  });

  it('and the jsonl dialect, each line loaded with INSERT … JSON, brings every cell back too', async () => {
    const lines = (await exported(request(`SELECT ${COLUMNS.join(', ')} FROM t`, { dialect: 'jsonl' })))
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(ROWS.length);
    const client = await driverFor('demo');
    // Into the same twin, 100 partitions along: the key moves, every other cell must not.
    const shifted = lines.map((line) =>
      line.replace(/^\{"pk": (\d+),/, (_, pk: string) => `{"pk": ${Number(pk) + 100},`),
    );
    for (let i = 0; i < shifted.length; i += 32)
      await Promise.all(
        shifted
          .slice(i, i + 32)
          .map((line) => client.execute(`INSERT INTO ${KS}.twin JSON ?`, [line], { prepare: true })),
      );
    expect(await differences(await cells('twin', 100))).toEqual([]);
  });

  it('refuses, before a line is written, a column the dialect can never carry, naming it and why', async () => {
    await expect(exported(request('SELECT pk, du FROM cannot WHERE pk = 6'))).rejects.toThrow(
      'the cqlsh dialect cannot export column du (duration): cqlsh COPY FROM cannot load durations',
    );
    // Values it cannot carry only sometimes stop the export at the row that has one.
    for (const [pk, why] of [
      [1, 'column t exactly: text with a line break'],
      [2, 'column t exactly: the value "null" equals the null marker'],
      [3, 'column u exactly: a set or map of more than one element inside a tuple or UDT'],
      [4, 'column tu exactly: a null inside a tuple'],
      [5, 'column d exactly: a date outside years 1–9999'],
    ] as const)
      await expect(exported(request(`SELECT pk, t, u, tu, d FROM cannot WHERE pk = ${pk}`))).rejects.toThrow(
        `the cqlsh dialect cannot carry row 1, ${why}`,
      );
    // The other dialects carry durations.
    expect(
      await exported(request('SELECT pk, du FROM cannot WHERE pk = 6', { dialect: 'rfc4180', nullMarker: '' })),
    ).toBe('pk,du\n6,1y2mo\n');
  });
});
