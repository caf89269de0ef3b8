import { expect, test, type Request } from '@playwright/test';
import { nodetoolStatus } from '@/localcluster/harness';
import { HomePage } from './pages/home-page';

// A killed node on the home card: e2e/killed-node.spec.ts (one kill for the three views).
test.describe.configure({ mode: 'serial' });

const REFUSED = /127\.0\.0\.99:9042: .*ECONNREFUSED/;
const CONFIGURED = ['demo', 'no-cql', 'wrong-jolokia', 'node3-no-jolokia'];

/** Nodes up of total per DC, as nodetool status on node 1 says. */
function nodetoolCounts(): Map<string, { up: number; total: number }> {
  const counts = new Map<string, { up: number; total: number }>();
  for (const node of nodetoolStatus(1)) {
    const count = counts.get(node.dc) ?? { up: 0, total: 0 };
    count.total++;
    if (node.status === 'Up') count.up++;
    counts.set(node.dc, count);
  }
  return counts;
}

test('each cluster has a card whose nodes up per DC are what nodetool gives', async ({ page }) => {
  const expected = nodetoolCounts();
  expect([...expected.values()].reduce((n, c) => n + c.total, 0)).toBeGreaterThanOrEqual(3);
  const home = new HomePage(page);
  await home.open();
  await expect(home.cards()).toHaveCount(CONFIGURED.length);
  for (const id of CONFIGURED) await expect(home.card(id)).toHaveAttribute('href', `/clusters/${id}`);
  await expect(home.dcs('demo')).toHaveCount(expected.size);
  let up = 0;
  let total = 0;
  for (const [dc, count] of expected) {
    await expect(home.dc('demo', dc)).toHaveAttribute('data-up', String(count.up));
    await expect(home.dc('demo', dc)).toHaveAttribute('data-total', String(count.total));
    await expect(home.dc('demo', dc)).toHaveText(`${dc} ${count.up}/${count.total}`);
    up += count.up;
    total += count.total;
  }
  await expect(home.nodes('demo')).toHaveText(`${up}/${total} up`);
  await expect(home.schema('demo')).toHaveText('schema agreed');
  // demo is the one cluster the alert monitor watches (e2e/ringside.test.config.json).
  await expect(home.alerts('demo')).toHaveText(/^\d+ firing$/);
  await expect(home.alerts('wrong-jolokia')).toHaveText('alerts off');
  await expect(home.load('demo')).toHaveText(/^[\d.]+ (bytes|KiB|MiB|GiB)$/);
  // The collector polls demo every 2 s: its sparklines fill with the cluster's rates and p99.
  await expect(home.sparkline('demo', 'rate').getByRole('img')).toBeVisible({ timeout: 30_000 });
  await expect(home.sparkline('demo', 'p99')).toHaveAttribute('title', /^p99: r .* · w /);
});

test('the page holds one live connection for all its clusters', async ({ page }) => {
  const streams: Request[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      url.pathname.startsWith('/api/trpc/') &&
      (request.resourceType() === 'eventsource' || /\.live\b/.test(url.pathname))
    )
      streams.push(request);
  });
  const home = new HomePage(page);
  await home.open();
  await expect(home.cards()).toHaveCount(CONFIGURED.length);
  for (const id of CONFIGURED) await expect(home.verdict(id)).not.toHaveText('connecting');
  // Time for any stray per-cluster stream (or a reconnect) to show.
  await page.waitForTimeout(3000);
  expect(streams.map((s) => new URL(s.url()).pathname)).toEqual(['/api/trpc/home.live']);
});

test('fifty cards fit on one 1920×1080 screen: the grid and card size say so', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const home = new HomePage(page);
  await home.open();
  for (const id of CONFIGURED) await expect(home.verdict(id)).not.toHaveText('connecting');
  // The tallest card (an unreachable cluster's carries its error) sets the row height.
  const boxes = await home.cards().evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
  const grid = (await page.getByTestId('cluster-cards').boundingBox())!;
  const width = Math.max(...boxes.map((b: DOMRect) => b.width));
  const height = Math.max(...boxes.map((b: DOMRect) => b.height));
  const gap = 8;
  const columns = Math.floor((grid.width + gap) / (width + gap));
  const rows = Math.ceil(50 / columns);
  const bottom = grid.y + rows * (height + gap) - gap;
  expect(
    bottom,
    `${columns} columns × ${rows} rows of ${Math.round(width)}×${Math.round(height)} px`,
  ).toBeLessThanOrEqual(1080);
});

test('an unreachable cluster says what failed; a node whose agent is out of reach is counted and named', async ({
  page,
}) => {
  const home = new HomePage(page);
  await home.open();
  await expect(home.verdict('no-cql')).toHaveText('unreachable');
  await expect(home.error('no-cql')).toContainText('Cannot reach cluster no-cql');
  await expect(home.error('no-cql')).toContainText(REFUSED);
  await expect(home.agents('node3-no-jolokia')).toHaveText('1 agent out of reach: 127.0.0.3');
  await expect(home.agents('node3-no-jolokia')).toHaveAttribute(
    'title',
    'node 127.0.0.3: Jolokia refused connection — is the node running with the Jolokia agent on this port? (http://127.0.0.3:8779/jolokia/)',
  );
  await expect(home.verdict('node3-no-jolokia')).toHaveText('attention');
  await expect(home.agents('wrong-jolokia')).toHaveText('3 agents out of reach: 127.0.0.1, 127.0.0.2, 127.0.0.3');
  // The healthy cluster on the same page is unaffected.
  await expect(home.verdict('demo')).not.toHaveText(/unreachable|connecting/);
  await expect(home.error('demo')).toHaveCount(0);
  await expect(home.agents('demo')).toHaveCount(0);
});
