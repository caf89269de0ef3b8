import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { runClusterOrThrow } from '@/localcluster/harness';
import { cql } from './cql';
import { QueryPage } from './pages/query-page';

const KS = 'ringside_e2e_query';

test.beforeAll(async () => {
  await cql([
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
    `CREATE TABLE IF NOT EXISTS ${KS}.readings (sensor int, seq int, reading double, note text, PRIMARY KEY (sensor, seq))`,
    `CREATE TABLE IF NOT EXISTS ${KS}.doomed (k int PRIMARY KEY)`,
    `CREATE TABLE IF NOT EXISTS ${KS}.readings_twin (sensor int, seq int, reading double, note text, PRIMARY KEY (sensor, seq))`,
    `TRUNCATE ${KS}.readings_twin`,
  ]);
  await cql(
    Array.from({ length: 120 }, (_, seq) => ({
      query: `INSERT INTO ${KS}.readings (sensor, seq, reading, note) VALUES (?, ?, ?, ?)`,
      params: [1, seq, seq / 4, seq % 10 === 0 ? null : `n${seq}`],
    })),
  );
});

test('type a query with completion, run it, page forward and export the whole result as CSV', async ({ page }) => {
  const query = new QueryPage(page);
  await query.open();
  await query.chooseKeyspace(KS);
  await query.setPageSize(50);
  await query.clearEditor();
  await query.type('SELECT * FROM ');
  await query.complete('readings');
  await query.type(' WHERE sensor = 1;');
  await query.runStatementUnderCursor();

  await expect(query.summary()).toContainText('page 1 · 50 rows · more available');
  await expect(query.cell(0, 'seq')).toHaveText('0');
  await expect(query.cell(0, 'note')).toHaveText('null');
  await expect(query.cell(1, 'reading')).toHaveText('0.25');

  await query.nextPage();
  await expect(query.summary()).toContainText('page 2 · 50 rows');
  await expect(query.cell(0, 'seq')).toHaveText('50');

  const download = page.waitForEvent('download');
  await query.exportCsvButton().click();
  const file = await (await download).path();
  await expect(query.exportDone()).toContainText('exported 120 rows');
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  // SELECT * lists the key columns, then the others in name order, as Cassandra returns them.
  expect(lines[0]).toBe('sensor,seq,note,reading');
  expect(lines).toHaveLength(121);
  expect(lines[11]).toBe('1,10,,2.5');

  // The cqlsh dialect writes null as its marker, so that COPY FROM keeps it apart from ''.
  await query.chooseExportDialect('cqlsh');
  const cqlshDownload = page.waitForEvent('download');
  await query.exportCsvButton().click();
  const cqlshLines = (await readFile(await (await cqlshDownload).path(), 'utf8')).trimEnd().split('\n');
  expect(cqlshLines[11]).toBe('1,10,null,2.5');
});

test('an exported file loads back into a twin table from the workbench; a bad line is reported with its line and reason', async ({
  page,
}) => {
  const query = new QueryPage(page);
  await query.open();
  await query.chooseKeyspace(KS);
  await query.clearEditor();
  await query.type('SELECT * FROM readings WHERE sensor = 1;');
  await query.runStatementUnderCursor();
  const download = page.waitForEvent('download');
  await query.exportCsvButton().click();
  const file = await (await download).path();
  await expect(query.exportDone()).toContainText('exported 120 rows');

  await query.loadFile(KS, 'readings_twin', file);
  await expect(query.importDone()).toContainText(
    `Loaded 120 rows into ${KS}.readings_twin from 121 lines; no line was rejected.`,
  );
  const [back] = await cql([`SELECT count(*) AS n, sum(reading) AS total FROM ${KS}.readings_twin WHERE sensor = 1`]);
  expect(back!.get('n').toString()).toBe('120');
  expect(back!.get('total')).toBe(Array.from({ length: 120 }, (_, seq) => seq / 4).reduce((a, b) => a + b));

  await query.loadFile(KS, 'readings_twin', {
    name: 'more.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('sensor,seq,note,reading\n2,1,fine,1.5\n2,2,bad,abc\n2,3,\n'),
  });
  await expect(query.importDone()).toContainText('Loaded 1 rows');
  await expect(query.importRejects()).toHaveCount(2);
  await expect(query.importRejects().nth(0)).toContainText("3column reading: 'abc'");
  await expect(query.importRejects().nth(1)).toContainText('43 fields where 4 were expected');
});

test('tracing shows a per-node timeline of the trace events', async ({ page }) => {
  const query = new QueryPage(page);
  await query.open();
  await query.chooseKeyspace(KS);
  await page.getByTestId('consistency').selectOption('ALL');
  await query.setTracing(true);
  await query.clearEditor();
  await query.type('SELECT * FROM readings WHERE sensor = 1 LIMIT 3;');
  await query.runStatementUnderCursor();
  await expect(query.summary()).toContainText('3 rows');
  await expect(query.traceTimeline()).toBeVisible();
  await expect(query.traceTimeline()).toContainText('coordinator');
  // CL ALL over RF 3: the coordinator and the other replicas each have a lane.
  await expect.poll(() => query.traceLanes().count()).toBeGreaterThanOrEqual(2);
  await expect(query.traceLanes().first().getByTestId('trace-event').first()).toBeVisible();
});

test('a DROP asks for confirmation, and runs only when confirmed', async ({ page }) => {
  const query = new QueryPage(page);
  await query.open();
  await query.chooseKeyspace(KS);
  await query.clearEditor();
  await query.type('DROP TABLE doomed;');
  await query.runStatementUnderCursor();
  await expect(query.confirmDialog()).toBeVisible();
  await expect(query.confirmDialog()).toContainText('DROP TABLE doomed');
  await query.answerConfirmation(false);
  await expect(query.statementError()).toContainText('not confirmed');
  expect(
    await cql([`SELECT table_name FROM system_schema.tables WHERE keyspace_name = '${KS}' AND table_name = 'doomed'`]),
  ).toHaveLength(1);

  await query.runStatementUnderCursor();
  await query.answerConfirmation(true);
  await expect(query.statementDone()).toBeVisible();
  expect(
    await cql([`SELECT table_name FROM system_schema.tables WHERE keyspace_name = '${KS}' AND table_name = 'doomed'`]),
  ).toHaveLength(0);
  await cql([`CREATE TABLE IF NOT EXISTS ${KS}.doomed (k int PRIMARY KEY)`]);
});

test("a syntax error shows Cassandra's message and marks the position in the editor", async ({ page }) => {
  const query = new QueryPage(page);
  await query.open();
  await query.chooseKeyspace(KS);
  await query.clearEditor();
  await query.type('SELECT * FORM readings;');
  await query.runStatementUnderCursor();
  await expect(query.statementError()).toContainText('line 1:');
  await expect(page.getByTestId('error-position')).toContainText('line 1, column');
  await expect(query.errorMark()).toHaveText(/FORM/);
  await expect(query.history()).toContainText('SELECT * FORM readings');
});

test('the export refuses other sites and anything but a SELECT, saying why', async ({ request, baseURL }) => {
  const crossSite = await request.post('/api/export', {
    headers: { origin: 'http://elsewhere.example', 'content-type': 'application/x-www-form-urlencoded' },
    form: { request: JSON.stringify({ clusterId: 'demo', keyspace: KS, statement: 'SELECT * FROM readings' }) },
  });
  expect(crossSite.status()).toBe(403);
  // A line comment ended by a lone \r, as Cassandra's lexer ends it, hides nothing from the check.
  const hidden = await request.post('/api/export', {
    headers: { origin: baseURL! },
    data: { clusterId: 'demo', keyspace: KS, statement: '--\rDELETE FROM readings WHERE sensor = 1 /*\nSELECT */' },
  });
  expect(hidden.status()).toBe(400);
  expect(((await hidden.json()) as { error: string }).error).toContain('only a SELECT can be exported');
  const rows = await cql([`SELECT seq FROM ${KS}.readings WHERE sensor = 1`]);
  expect(rows).toHaveLength(120);
});

test('run all: USE switches the keyspace, each statement gets its result, and rows show as JSON too', async ({
  page,
}) => {
  const query = new QueryPage(page);
  await query.open();
  await query.clearEditor();
  await query.type(
    `-- a script\nUSE ${KS};\nSELECT sensor, seq, note FROM readings WHERE sensor = 1 AND seq IN (10, 11);`,
  );
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByTestId('result-tab-1')).toBeVisible();
  await expect(page.getByTestId('keyspace-picker')).toHaveValue(KS);
  await expect(query.summary()).toContainText('2 rows');
  await expect(query.cell(0, 'note')).toHaveText('null');
  await expect(query.cell(1, 'note')).toHaveText('n11');
  await page.getByTestId('toggle-json').click();
  await expect(page.getByTestId('json-row-0')).toHaveText('{"sensor": 1, "seq": 10, "note": null}');
  await page.getByTestId('result-tab-0').click();
  await expect(query.statementDone()).toContainText(`Now using keyspace ${KS}`);
});

test('cancel frees the page at once from a statement waiting on a replica that does not answer', async ({ page }) => {
  const query = new QueryPage(page);
  await query.open();
  await query.chooseKeyspace(KS);
  await page.getByTestId('consistency').selectOption('ALL');
  await page.getByTestId('timeout').fill('60000');
  await query.clearEditor();
  await query.type('SELECT * FROM readings WHERE sensor = 1 LIMIT 1;');
  // A paused node holds every CL ALL read of its partitions until the timeout.
  runClusterOrThrow(['pause', '3']);
  try {
    await query.runStatementUnderCursor();
    await expect(page.getByTestId('running')).toBeVisible();
    const clicked = Date.now();
    await page.getByTestId('cancel').click();
    await expect(query.statementError()).toHaveAttribute('data-kind', 'cancelled');
    expect(Date.now() - clicked).toBeLessThan(5000);
    await expect(query.statementError()).toContainText('Cassandra may still complete the statement');
  } finally {
    runClusterOrThrow(['resume', '3']);
  }
});
