/**
 * One kill of node 3, seen without reloading on the three views an operator reads a cluster from:
 * the home card, the overview's tiles (and its recent events) and the physical view; then its return
 * on all three. One kill and restart instead of one per view: each restart of a node costs CI about
 * 20 s. The node is started again whatever fails.
 */
import { expect, test, type Page } from '@playwright/test';
import { nodetoolStatus, runClusterOrThrow } from '@/localcluster/harness';
import { HomePage } from './pages/home-page';
import { OverviewTiles } from './pages/overview-tiles';
import { PhysicalPage } from './pages/physical-page';

/** Counts the page's own navigations: a view that reloads to show the change fails the test. */
function navigationsOf(page: Page): () => number {
  let count = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) count++;
  });
  return () => count;
}

test('a killed node shows on the home card, the overview tiles and the physical view without reloading, and so does its return', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const status = nodetoolStatus(1);
  const node3 = status.find((n) => n.address === '127.0.0.3');
  expect(node3?.status).toBe('Up');
  const dc = node3!.dc;
  const upInDc = status.filter((n) => n.dc === dc && n.status === 'Up').length;

  const home = new HomePage(page);
  await home.open();
  await expect(home.dc('demo', dc)).toHaveAttribute('data-up', String(upInDc));
  const overviewPage = await context.newPage();
  const tiles = new OverviewTiles(overviewPage);
  await tiles.open();
  await expect(tiles.value('nodes')).toHaveText(`${status.length}/${status.length}`);
  const physicalPage = await context.newPage();
  const physical = new PhysicalPage(physicalPage);
  await physical.open();
  await expect(physical.tile('127.0.0.3')).toHaveAttribute('data-status', 'Up');
  const reloads = [page, overviewPage, physicalPage].map(navigationsOf);

  const killedAt = Date.now();
  runClusterOrThrow(['kill', '3']);
  try {
    await expect(home.down('demo')).toHaveText('1 down: 127.0.0.3', { timeout: 15_000 });
    await expect(home.dc('demo', dc)).toHaveAttribute('data-up', String(upInDc - 1));
    await expect(home.verdict('demo')).toHaveText('degraded');

    await expect(tiles.value('nodes')).toHaveText(`${status.length - 1}/${status.length}`, { timeout: 15_000 });
    await expect(tiles.tile('nodes')).toHaveAttribute('data-tone', 'bad');
    await expect(tiles.dc(dc)).toHaveAttribute('data-down', '1');
    await expect(tiles.value('agents')).toHaveText('1', { timeout: 15_000 });
    await expect(tiles.detail('agents')).toHaveText('127.0.0.3');
    // The recent events list it, from the store the topology poller writes (re-read every 10 s).
    await expect
      .poll(() => tiles.latestEvent('node-down', '127.0.0.3'), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(killedAt - 1000);

    await expect(physical.tile('127.0.0.3')).toHaveAttribute('data-status', 'Down', { timeout: 15_000 });
    await expect(physical.tileValue('127.0.0.3')).toHaveText('Down');
    await expect(physical.tile('127.0.0.1')).toHaveAttribute('data-status', 'Up');
  } finally {
    runClusterOrThrow(['start', '3']);
  }
  await expect(home.down('demo')).toHaveCount(0, { timeout: 90_000 });
  await expect(home.dc('demo', dc)).toHaveAttribute('data-up', String(upInDc));
  await expect(tiles.value('nodes')).toHaveText(`${status.length}/${status.length}`, { timeout: 30_000 });
  await expect(tiles.tile('nodes')).toHaveAttribute('data-tone', 'ok');
  await expect(physical.tile('127.0.0.3')).toHaveAttribute('data-status', 'Up', { timeout: 30_000 });
  expect(reloads.map((count) => count())).toEqual([0, 0, 0]);
  expect(nodetoolStatus(1).find((n) => n.address === '127.0.0.3')?.status).toBe('Up');
});
