/**
 * ui-scale: the console's pages at scale, in Chromium, against the built console.
 *
 * 1. Home with 50 clusters: a REAL console run on a generated configuration of 50 cluster entries
 *    (c01…c50) that all point at the one real demo cluster — one real cluster seen 50 times, each
 *    entry with its own driver client and topology poller. Metrics collection and alert monitoring
 *    run for c01 only, to keep the load on the cluster sane. Measured: navigation → every card shows
 *    its cluster's first summary, painted (the home dashboard's `home-cards-ready` mark), and the live
 *    connections the page opens (requests asking for text/event-stream: tRPC subscriptions such as
 *    home.live, and any EventSource). The first visit is cold (the 49 other pollers and driver clients
 *    start with it); the visits after it find them running, as on a console in use. Target: ≤ 500 ms
 *    with ≤ 2 live connections.
 * 2. The node table at 1,000 nodes (app/bench/nodes: the real table, its view kept in the URL, over
 *    synthetic nodes built from answers recorded from the real cluster, testing/synthetic-nodes.ts):
 *    a click on a column header, or a new filter value, until the table's rows change in the page
 *    (a MutationObserver on its body; also until the next frame is painted). Target ≤ 50 ms each.
 * 3. The physical view at 1,000 nodes (app/bench/physical, the same synthetic nodes): from the nodes
 *    being handed to the view to its tiles painted. Target ≤ 300 ms.
 * Ends with one JSON line holding every figure and its `met` flag.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { syntheticNodes } from '@/testing/synthetic-nodes';
import { benchSession, median, startConsole } from './console-server';

const PORT = 3294;
const CLUSTERS = 50;
const NODES = 1000;
const HOME_VISITS = 4;
const TARGET = { homeMs: 500, homeConnections: 2, sortMs: 50, filterMs: 50, physicalMs: 300 };
const SORTS = ['load', 'load', 'uptime', 'heap', 'heap', 'rack', 'status', 'address'];
const FILTERS = ['dc2', 'rack3', '10.1.', 'dc4', '00000000-0000-4000-8000-0000000005', ''];
const ROUNDS = 3;

/** The demo cluster of ringside.config.json, 50 times over. */
function fiftyClusterConfig(dataDir: string): object {
  const clusters = Array.from({ length: CLUSTERS }, (_, i) => {
    const id = `c${String(i + 1).padStart(2, '0')}`;
    return {
      id,
      name: `Demo as ${id}`,
      contactPoints: ['127.0.0.1'],
      localDataCenter: 'dc1',
      jolokia: { port: 8778, credentialsFile: '~/.ringside/clusters/demo/jolokia-credentials.json' },
      pollIntervalMs: 5000,
      metrics: { enabled: i === 0 },
    };
  });
  return { clusters, dataDir, alerts: { monitorClusters: ['c01'] }, notify: { allowLoopback: true } };
}

async function signedInContext(browser: Browser, url: string, config: string): Promise<BrowserContext> {
  const cookie = await benchSession(url, config);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
    }),
  );
  return context;
}

interface HomeVisit {
  ms: number;
  /** Where the time went: the HTML's last byte, and the DOM parsed (scripts run). */
  responseEnd: number;
  domReady: number;
  /** Whether the cards' figures came in the server's HTML or with the stream's first message. */
  figures: 'server-rendered' | 'streamed';
  connections: number;
}

async function homeVisit(context: BrowserContext, url: string): Promise<HomeVisit> {
  const page = await context.newPage();
  let count = 0;
  page.on('request', (request) => {
    const accept = request.headers()['accept'] ?? '';
    if (request.resourceType() === 'eventsource' || accept.includes('text/event-stream')) count++;
  });
  await page.goto(`${url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('home-cards-ready').length > 0, undefined, {
    timeout: 120_000,
  });
  const timing = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return {
      ms: performance.getEntriesByName('home-cards-ready')[0]!.startTime,
      figures: (performance.getEntriesByName('home-cards-ready')[0] as PerformanceMark).detail as HomeVisit['figures'],
      responseEnd: navigation?.responseEnd ?? -1,
      domReady: navigation?.domContentLoadedEventEnd ?? -1,
    };
  });
  const cards = await page.locator('[data-testid="cluster-cards"] > *').count();
  if (cards !== CLUSTERS) throw new Error(`the home page shows ${cards} cards, not ${CLUSTERS}`);
  // Whatever else the page opens once it has settled counts too.
  await page.waitForTimeout(2000);
  await page.close();
  return { ...timing, connections: count };
}

/** Runs `act` in the page and times it until the node table's body changes (and until the next frame). */
async function timeTableChange(page: Page, act: { kind: 'sort'; key: string } | { kind: 'filter'; text: string }) {
  return page.evaluate(
    (action) =>
      new Promise<{ changed: number; painted: number } | null>((done) => {
        const body = document.querySelector('[data-testid="node-table"] tbody')!;
        let changed = -1;
        const timeout = setTimeout(() => {
          observer.disconnect();
          done(null);
        }, 2000);
        const observer = new MutationObserver(() => {
          observer.disconnect();
          changed = performance.now() - started;
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timeout);
              done({ changed, painted: performance.now() - started });
            }, 0),
          );
        });
        observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
        const started = performance.now();
        if (action.kind === 'sort') {
          (document.querySelector(`[data-testid="sort-${action.key}"]`) as HTMLButtonElement).click();
        } else {
          const input = document.querySelector('[data-testid="node-filter"]') as HTMLInputElement;
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, action.text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }),
    act,
  );
}

const round1 = (n: number) => Number(n.toFixed(1));

export async function run(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'ringside-ui-scale-'));
  const configPath = join(work, 'ringside.config.json');
  writeFileSync(configPath, JSON.stringify(fiftyClusterConfig(join(work, 'data')), null, 2));
  const nodesPath = join(work, 'nodes.json');
  writeFileSync(nodesPath, JSON.stringify(syntheticNodes({ nodes: NODES })));
  // The console inherits this: the bench pages read their synthetic nodes from the file.
  process.env.RINGSIDE_BENCH_NODES = nodesPath;

  const server = await startConsole(PORT, resolve(configPath));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage'],
  });
  try {
    const context = await signedInContext(browser, server.url, resolve(configPath));

    // 1. Home with 50 clusters.
    const visits = [];
    for (let i = 0; i < HOME_VISITS; i++) visits.push(await homeVisit(context, server.url));
    const cold = visits[0]!;
    const warm = visits.slice(1);
    const homeMs = Math.round(median(warm.map((v) => v.ms)));
    const homeColdMs = Math.round(cold.ms);
    const connections = Math.max(...visits.map((v) => v.connections));
    const homeResponseEnd = Math.round(median(warm.map((v) => v.responseEnd)));
    const homeDomReady = Math.round(median(warm.map((v) => v.domReady)));
    console.log(
      `home, ${CLUSTERS} clusters (one real cluster seen ${CLUSTERS} times): all cards with their data painted ` +
        `${homeMs} ms after navigation (median of ${warm.length} visits with the pollers running; target ≤ ${TARGET.homeMs} ms); ` +
        `of which the HTML's last byte ${homeResponseEnd} ms, the DOM ready ${homeDomReady} ms; ` +
        `figures ${warm.map((v) => v.figures).join(', ')}; ` +
        `first, cold visit ${homeColdMs} ms (figures ${cold.figures}); live connections ${connections} (target ≤ ${TARGET.homeConnections})`,
    );

    // 2. The node table at 1,000 nodes.
    const page = await context.newPage();
    await page.goto(`${server.url}/bench/nodes?nodes=${NODES}`);
    await page.waitForFunction(() => performance.getEntriesByName('nodes-painted').length > 0, undefined, {
      timeout: 60_000,
    });
    const count = await page.getByTestId('node-count').textContent();
    if (!count?.startsWith(`${NODES} nodes`)) throw new Error(`the bench node table shows "${count}"`);
    const sorts: { changed: number; painted: number }[] = [];
    const filters: { changed: number; painted: number }[] = [];
    let missed = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const key of SORTS) {
        const t = await timeTableChange(page, { kind: 'sort', key });
        if (t) sorts.push(t);
        else missed++;
      }
      for (const text of FILTERS) {
        const t = await timeTableChange(page, { kind: 'filter', text });
        if (t) filters.push(t);
        else missed++;
      }
    }
    await page.close();
    const sortMs = round1(median(sorts.map((s) => s.changed)));
    const filterMs = round1(median(filters.map((s) => s.changed)));
    const figures = (list: { changed: number; painted: number }[]) => ({
      max: round1(Math.max(...list.map((s) => s.changed))),
      painted: round1(median(list.map((s) => s.painted))),
    });
    const sortMore = figures(sorts);
    const filterMore = figures(filters);
    console.log(
      `node table, ${NODES} nodes: sort ${sortMs} ms median (max ${sortMore.max}, next frame painted ${sortMore.painted}) over ${sorts.length}; ` +
        `filter ${filterMs} ms median (max ${filterMore.max}, next frame painted ${filterMore.painted}) over ${filters.length}; ` +
        `target ≤ ${TARGET.sortMs} ms each; ${missed} action(s) changed no row within 2 s`,
    );

    // 3. The physical view at 1,000 nodes.
    const paints: number[] = [];
    const sinceNavigation: number[] = [];
    for (let i = 0; i < 3; i++) {
      const physical = await context.newPage();
      await physical.goto(`${server.url}/bench/physical?nodes=${NODES}`);
      await physical.waitForFunction(() => performance.getEntriesByName('physical-painted').length > 0, undefined, {
        timeout: 60_000,
      });
      const tiles = await physical.locator('a[data-tile]').count();
      if (tiles !== NODES) throw new Error(`the physical view shows ${tiles} tiles, not ${NODES}`);
      const t = await physical.evaluate(() => {
        const ready = performance.getEntriesByName('physical-data-ready')[0]!;
        const painted = performance.getEntriesByName('physical-painted')[0]!;
        return { paint: painted.startTime - ready.startTime, since: painted.startTime };
      });
      paints.push(t.paint);
      sinceNavigation.push(t.since);
      await physical.close();
    }
    const physicalMs = Math.round(median(paints));
    const physicalSinceNavigation = Math.round(median(sinceNavigation));
    console.log(
      `physical view, ${NODES} nodes: tiles painted ${physicalMs} ms after the nodes were handed over (median of ${paints.length}; ` +
        `${physicalSinceNavigation} ms after navigation); target ≤ ${TARGET.physicalMs} ms`,
    );
    await context.close();

    return {
      home: {
        clusters: CLUSTERS,
        real_cluster_seen_times: CLUSTERS,
        first_paint_ms: homeMs,
        first_paint_met: homeMs <= TARGET.homeMs,
        html_received_ms: homeResponseEnd,
        dom_ready_ms: homeDomReady,
        figures: warm.map((v) => v.figures),
        cold_first_paint_ms: homeColdMs,
        cold_figures: cold.figures,
        cold_first_paint_met: homeColdMs <= TARGET.homeMs,
        live_connections: connections,
        live_connections_met: connections <= TARGET.homeConnections,
      },
      node_table: {
        nodes: NODES,
        sort_ms: sortMs,
        sort_max_ms: sortMore.max,
        sort_painted_ms: sortMore.painted,
        sort_met: sortMs <= TARGET.sortMs,
        filter_ms: filterMs,
        filter_max_ms: filterMore.max,
        filter_painted_ms: filterMore.painted,
        filter_met: filterMs <= TARGET.filterMs,
        measured: sorts.length + filters.length,
        missed,
      },
      physical: {
        nodes: NODES,
        paint_ms: physicalMs,
        since_navigation_ms: physicalSinceNavigation,
        paint_met: physicalMs <= TARGET.physicalMs,
      },
      targets: TARGET,
      // The figures depend on the machine: say what it was doing.
      machine: { cpus: cpus().length, load_average_1m: Number(loadavg()[0]!.toFixed(1)) },
    };
  } finally {
    await browser.close();
    server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
