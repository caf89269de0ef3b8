/**
 * first-row: time from pressing Ctrl-Enter in the workbench (Chromium, production build) to the
 * first row of a 10,000-row result on screen, against the driver's own time for the same first
 * page (5,000 rows) measured from Node. Target: ≤ 100 ms added. Medians of several runs.
 */
import { chromium } from '@playwright/test';
import { Readable } from 'node:stream';
import cassandra from 'cassandra-driver';
import { runClusterOrThrow } from '@/localcluster/harness';
import { benchSession, median, startConsole } from './console-server';

const KS = 'ringside_bench';
const TABLE = 'first_row';
const ROWS = 10_000;
const PAGE = 5000;
const RUNS = 7;
const STATEMENT = `SELECT * FROM ${KS}.${TABLE}`;

async function driverFirstPage(client: cassandra.Client): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const started = performance.now();
    const result = await client.execute(STATEMENT, [], {
      fetchSize: PAGE,
      consistency: cassandra.types.consistencies.localOne,
    });
    if (result.rows.length !== PAGE)
      throw new Error(`expected a first page of ${PAGE} rows, got ${result.rows.length}`);
    if (i >= 2) times.push(performance.now() - started);
  }
  return times;
}

export async function run(): Promise<Record<string, unknown>> {
  runClusterOrThrow(['up']);
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  // One replica in the local DC: LOCAL_ONE reads and writes never wait on dc2.
  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`,
  );
  await client.execute(`ALTER KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`);
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${KS}.${TABLE} (k int, c int, name text, reading double, tags set<text>, PRIMARY KEY (k, c))`,
  );
  function* params(): Generator<unknown[]> {
    for (let i = 0; i < ROWS; i++) yield [i % 100, i, `row ${i}`, i / 3, [`t${i % 7}`, 'x']];
  }
  await cassandra.concurrent.executeConcurrent(
    client,
    `INSERT INTO ${KS}.${TABLE} (k, c, name, reading, tags) VALUES (?, ?, ?, ?, ?)`,
    Readable.from(params()),
    { concurrencyLevel: 256 },
  );
  const server = await startConsole();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const cookie = await benchSession(server.url, 'ringside.config.json');
    await page.context().addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
      }),
    );
    await page.goto(`${server.url}/clusters/demo/query`);
    await page.getByTestId('page-size').fill(String(PAGE));
    const editor = page.getByTestId('cql-editor').locator('.cm-content');
    await editor.click();
    // In the page: when the keydown that runs the statement happened, and (below) when the first row's cell appeared.
    await page.evaluate(() => {
      const w = window as unknown as { ringsideRunAt: number };
      document.addEventListener(
        'keydown',
        (e) => e.key === 'Enter' && e.ctrlKey && (w.ringsideRunAt = performance.now()),
        { capture: true },
      );
    });
    const consoleTimes: number[] = [];
    const fullPage: number[] = [];
    const firstRowCell = '[data-testid="result-row-0"] [data-column="name"]';
    for (let i = 0; i < RUNS + 2; i++) {
      // A one-row result of other columns in between, so the timed result's first cell appears anew.
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('SELECT release_version FROM system.local;');
      await page.keyboard.press('Control+Enter');
      await page.locator('[data-testid="result-row-0"] [data-column="release_version"]').waitFor();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(`${STATEMENT};`);
      await page.evaluate((selector) => {
        const w = window as unknown as { ringsideRowAt: number; ringsideObserver?: MutationObserver };
        w.ringsideRowAt = 0;
        w.ringsideObserver?.disconnect();
        w.ringsideObserver = new MutationObserver(() => {
          if (!w.ringsideRowAt && document.querySelector(selector)) w.ringsideRowAt = performance.now();
        });
        w.ringsideObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, firstRowCell);
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(() => (window as unknown as { ringsideRowAt: number }).ringsideRowAt > 0, undefined, {
        timeout: 30_000,
      });
      const ms = await page.evaluate(() => {
        const w = window as unknown as { ringsideRunAt: number; ringsideRowAt: number };
        return w.ringsideRowAt - w.ringsideRunAt;
      });
      if (i >= 2) consoleTimes.push(ms);
      // The rest of the page follows the head; the next run waits for it.
      await page.getByTestId('running').waitFor({ state: 'hidden' });
      if (i === RUNS + 1)
        fullPage.push(
          await page.evaluate(() => performance.now() - (window as unknown as { ringsideRunAt: number }).ringsideRunAt),
        );
    }
    const driver = await driverFirstPage(client);
    const driverMs = median(driver);
    const consoleMs = median(consoleTimes);
    const [wholePageMs] = fullPage;
    if (wholePageMs === undefined) throw new Error('the last run timed no whole first page');
    process.stdout.write(
      `driver first page (${PAGE} rows): median ${driverMs.toFixed(1)} ms of ${driver.map((t) => t.toFixed(0)).join(', ')}\n`,
    );
    process.stdout.write(
      `console keypress → first row: median ${consoleMs.toFixed(1)} ms of ${consoleTimes.map((t) => t.toFixed(0)).join(', ')}\n`,
    );
    process.stdout.write(
      `console keypress → whole first page in the grid (last run, upper bound): ${wholePageMs.toFixed(0)} ms\n`,
    );
    return {
      driver_ms: Number(driverMs.toFixed(1)),
      console_ms: Number(consoleMs.toFixed(1)),
      added_ms: Number((consoleMs - driverMs).toFixed(1)),
      whole_page_ms: Math.round(wholePageMs),
    };
  } finally {
    await browser.close();
    server.stop();
    await client.shutdown();
  }
}
