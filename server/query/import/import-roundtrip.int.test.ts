/**
 * The import's promise, held to the real cluster: a table of every CQL type with edge and seeded random
 * values (the export's own corpus) plus the values only the export's own dialects carry (durations,
 * line breaks, dates and timestamps outside years 1–9999, nulls inside tuples, '' apart from null),
 * exported in each dialect, imported into a twin table, and every cell read back through the driver
 * equal to the original. And bad input: each bad line rejected with its line number and reason, the
 * good lines loaded, no row half written.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellDifferences } from '@/testing/cell-differences';
import { COLUMNS, insertStatements, KS as CORPUS_KS, ROWS, SCHEMA } from '@/testing/export-roundtrip-corpus';
import { closeAll, driverFor } from '../../cluster/registry';
import { exportRows, type ExportRequest } from '../export/export-rows';
import { loadFile, type ImportCounters, type ImportSettings } from './load-file';

const KS = 'ringside_it_import_roundtrip';
const HARD_COLUMNS = ['pk', 'ck', 't', 'du', 'd', 'ts', 'tu', 'u', 'l', 'b', 'v'];

beforeAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  for (const statement of SCHEMA) await client.execute(statement.replaceAll(CORPUS_KS, KS));
  const inserts = insertStatements().map((s) => s.replaceAll(CORPUS_KS, KS));
  for (let i = 0; i < inserts.length; i += 32)
    await Promise.all(inserts.slice(i, i + 32).map((s) => client.execute(s)));
  const hardDdl =
    '(pk int, ck text, t text, du duration, d date, ts timestamp, tu frozen<tuple<int, text, duration>>, u frozen<address>, l list<frozen<tuple<int, duration>>>, b blob, v ascii, PRIMARY KEY (pk, ck))';
  await client.execute(`CREATE TABLE ${KS}.hard ${hardDdl}`);
  await client.execute(`CREATE TABLE ${KS}.hard_twin ${hardDdl}`);
  for (const values of [
    `1, 'a', 'two\nlines\r\nand "quotes", commas; \\ backslash', 1y2mo3d4h5m6s7ms8us9ns, '2024-02-29', '2024-02-29 23:59:59.999+0000', (1, null, -1d), {street: 'null', zip: null}, [(1, 0s), (2, -3mo)], 0x, 'null'`,
    `1, 'b', '', 0s, 0, -62135596800001, (null, '', null), {street: '', tags: {''}}, [], 0x00ff, ''`,
    `2, '', 'null', -1y, 4294967295, 253402300800000, null, null, null, null, null`,
    `3, 'c', '=SUM(A1)', 8d, '1970-01-01', -1, (0, 'x', 0s), {zip: -2147483648}, [(2147483647, 1mo)], 0xdeadbeef, ' lead and trail '`,
  ])
    await client.execute(`INSERT INTO ${KS}.hard (${HARD_COLUMNS.join(', ')}) VALUES (${values})`);
  await client.execute(`CREATE TABLE ${KS}.bad (pk int, ck int, v int, t text, PRIMARY KEY (pk, ck))`);
  await client.execute(`CREATE TABLE ${KS}.textkey (k text, c int, v int, PRIMARY KEY (k, c))`);
});

afterAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await closeAll();
});

const exportRequest = (statement: string, overrides: Partial<ExportRequest>): ExportRequest => ({
  clusterId: 'demo',
  keyspace: KS,
  statement,
  values: null,
  consistency: 'LOCAL_ONE',
  dialect: 'rfc4180',
  header: true,
  delimiter: ',',
  nullMarker: '',
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

const settings = (table: string, overrides: Partial<ImportSettings> = {}): ImportSettings => ({
  clusterId: 'demo',
  keyspace: KS,
  table,
  format: 'rfc4180',
  header: true,
  delimiter: ',',
  nullMarker: '',
  consistency: 'LOCAL_QUORUM',
  maxRowsPerSecond: 100_000,
  concurrency: 16,
  maxRejects: 1000,
  ...overrides,
});

/** Loads `text` (cut into small chunks, as a network delivers it), returning the counts and any error. */
async function imported(text: string | Buffer, s: ImportSettings): Promise<ImportCounters & { error: string | null }> {
  const counters: ImportCounters = { bytesRead: 0, lines: 0, rowsLoaded: 0, rowsRejected: 0, rejects: [] };
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
    bytes.subarray(i * 1000, (i + 1) * 1000),
  );
  let error: string | null = null;
  await loadFile(s, Readable.from(chunks), counters, new AbortController().signal).catch((e: unknown) => {
    error = e instanceof Error ? e.message : String(e);
  });
  return { ...counters, error };
}

/** Every row of a table by its key, each cell as the workbench's driver client decodes it. */
async function cells(table: string, columns: string[]): Promise<Map<string, Record<string, unknown>>> {
  const client = await driverFor('demo', 'workbench');
  const result = await client.execute(`SELECT ${columns.join(', ')} FROM ${KS}.${table}`, [], { fetchSize: 10_000 });
  return new Map(
    result.rows.map((row) => [
      `${row.get('pk')}/${row.get('ck')}`,
      Object.fromEntries(columns.map((c) => [c, row.get(c)])),
    ]),
  );
}

async function differences(original: string, twin: string, columns: string[]): Promise<string[]> {
  return cellDifferences(await cells(original, columns), await cells(twin, columns));
}

async function truncate(table: string): Promise<void> {
  const client = await driverFor('demo');
  await client.execute(`TRUNCATE ${KS}.${table}`);
}

describe('export → import into a twin table → every cell equal', () => {
  for (const [dialect, nullMarker, timeZone] of [
    ['rfc4180', '', 'America/Sao_Paulo'],
    ['cqlsh', 'null', 'UTC'],
    ['jsonl', '', 'Asia/Kolkata'],
  ] as const)
    it(`${dialect}: ${COLUMNS.length} columns of every type over ${ROWS.length} rows`, async () => {
      await truncate('twin');
      const text = await exported(
        exportRequest(`SELECT ${COLUMNS.join(', ')} FROM t`, { dialect, nullMarker, timeZone }),
      );
      const result = await imported(text, settings('twin', { format: dialect, nullMarker }));
      expect(result.rejects).toEqual([]);
      expect(result.error).toBeNull();
      expect(result.rowsLoaded).toBe(ROWS.length);
      expect(await differences('t', 'twin', COLUMNS)).toEqual([]);
    });

  for (const [dialect, nullMarker] of [
    ['rfc4180', ''],
    ['rfc4180', 'NULL'],
    ['jsonl', ''],
  ] as const)
    it(`${dialect} (null as ${JSON.stringify(nullMarker)}): durations, line breaks, quotes, dates and timestamps outside years 1–9999, nulls in tuples, '' apart from null`, async () => {
      await truncate('hard_twin');
      const text = await exported(
        exportRequest(`SELECT ${HARD_COLUMNS.join(', ')} FROM hard`, { dialect, nullMarker, delimiter: ';' }),
      );
      const result = await imported(text, settings('hard_twin', { format: dialect, nullMarker, delimiter: ';' }));
      expect(result.rejects).toEqual([]);
      expect(result.rowsLoaded).toBe(4);
      expect(await differences('hard', 'hard_twin', HARD_COLUMNS)).toEqual([]);
    });
});

describe('bad input: each bad line rejected with its line and reason, the good lines loaded, no row half written', () => {
  it('a CSV with a wrong column count, unparsable values, values of the wrong type, a bad quote and a missing key', async () => {
    const file = [
      'pk,ck,v,t',
      '1,1,10,good',
      '2,2,20',
      '3,3,abc,x',
      '4,4,1.5,x',
      '5,5,99999999999,x',
      '6,"bad"x,1,y',
      ',7,1,x',
      '8,8,80,"two',
      'lines"',
      '9,9,90,last',
      '',
    ].join('\n');
    const result = await imported(file, settings('bad'));
    expect(result.error).toBeNull();
    expect(result.rowsLoaded).toBe(3);
    expect(result.rowsRejected).toBe(6);
    expect(result.lines).toBe(11);
    expect(result.rejects.map((r) => [r.firstLine, r.reason])).toEqual([
      [3, '3 fields where 4 were expected (pk, ck, v, t)'],
      [4, expect.stringMatching(/^column v: 'abc' is not an int/)],
      [5, expect.stringMatching(/^column v: '1\.5' is not an int/)],
      [6, expect.stringMatching(/^column v: '99999999999' .*int/)],
      [7, expect.stringMatching(/^not a CSV record: field 2: a closing quote/)],
      [8, 'primary key column pk has no value (null): every row needs its whole primary key'],
    ]);
    expect(await cells('bad', ['pk', 'ck', 'v', 't'])).toEqual(
      new Map([
        ['1/1', { pk: 1, ck: 1, v: 10, t: 'good' }],
        ['8/8', { pk: 8, ck: 8, v: 80, t: 'two\nlines' }],
        ['9/9', { pk: 9, ck: 9, v: 90, t: 'last' }],
      ]),
    );
  });

  it('a file that is not CSV: JSON lines read as CSV, each line rejected; a binary file refused whole', async () => {
    await truncate('bad');
    const jsonLines = '{"pk": 1, "ck": 1, "v": 2, "t": "x"}\n{"pk": 2, "ck": 2}\n';
    const asCsv = await imported(jsonLines, settings('bad', { header: false }));
    expect(asCsv.rowsLoaded).toBe(0);
    expect(asCsv.rejects.map((r) => r.firstLine)).toEqual([1, 2]);
    expect(asCsv.rejects[0]!.reason).toMatch(/quote inside a field/);
    // With its header line, the same file is refused before a row is read: the header names no column.
    const withHeader = await imported(jsonLines, settings('bad'));
    expect(withHeader.error).toMatch(/^the header \(line 1\) /);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const binary = await imported(png, settings('bad', { header: false }));
    expect(binary.error).toMatch(/not UTF-8 text|binary/);
    expect(binary.rowsLoaded).toBe(0);
    expect((await cells('bad', ['pk', 'ck'])).size).toBe(0);
  });

  it('JSON lines: not JSON, not an object, an unknown column, a wrong type; the good lines load', async () => {
    await truncate('bad');
    const file = [
      '{"pk": 1, "ck": 1, "v": 10, "t": "a"}',
      'pk,ck,v,t',
      '[1, 2, 3, 4]',
      '{"pk": 2, "ck": 2, "nope": 1}',
      '{"pk": 3, "ck": 3, "v": "ten"}',
      '{"pk": 4, "ck": 4, "t": 5}',
      '{"pk": 5, "ck": 5}',
    ].join('\n');
    const result = await imported(file, settings('bad', { format: 'jsonl' }));
    expect(result.rowsLoaded).toBe(2);
    expect(result.rejects.map((r) => r.firstLine)).toEqual([2, 3, 4, 5, 6]);
    expect(result.rejects[2]!.reason).toBe('the table has no column "nope"');
    expect(result.rejects[3]!.reason).toMatch(/^column v: /);
    expect(result.rejects[4]!.reason).toMatch(/^column t: a JSON string was expected/);
    const rows = [...(await cells('bad', ['pk', 'ck', 'v', 't'])).values()];
    expect(rows.sort((a, b) => Number(a.pk) - Number(b.pk))).toEqual([
      { pk: 1, ck: 1, v: 10, t: 'a' },
      { pk: 5, ck: 5, v: null, t: null },
    ]);
  });

  it('a row Cassandra refuses (an empty partition key) is rejected with its reason; the rows batched with it load', async () => {
    const result = await imported('k,c,v\n"",1,1\na,1,1\na,2,2\n"",2,2\n', settings('textkey'));
    expect(result.rowsLoaded).toBe(2);
    expect(result.rejects.map((r) => [r.firstLine, r.reason])).toEqual([
      [2, expect.stringMatching(/^Cassandra refused the row: .*[Kk]ey may not be empty/)],
      [5, expect.stringMatching(/^Cassandra refused the row: .*[Kk]ey may not be empty/)],
    ]);
  });

  it('stops once more lines than allowed are rejected, every one of them reported', async () => {
    await truncate('bad');
    const file = ['pk,ck,v,t', ...Array.from({ length: 50 }, (_, i) => `${i},x,1,t`)].join('\n');
    const result = await imported(file, settings('bad', { maxRejects: 5 }));
    expect(result.error).toMatch(/^stopped after 6 rejected lines \(more than the 5 allowed\)/);
    expect(result.rejects.map((r) => r.firstLine)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
