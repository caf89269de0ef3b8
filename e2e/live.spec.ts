import { expect, test, type Browser, type Page } from '@playwright/test';
import { nodetoolStatus, runClusterOrThrow } from '@/localcluster/harness';
import { ClusterPage } from './pages/cluster-page';
import { GossipPage } from './pages/gossip-page';

// These tests stop, pause and kill nodes of the shared cluster; each restores what it changed.
test.describe.configure({ mode: 'serial' });

async function openPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('two open pages see node 3 go Down after kill 3 and come back after start 3, without reloading', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const pages = [new ClusterPage(await openPage(browser)), new ClusterPage(await openPage(browser))];
  for (const page of pages) await page.open();
  for (const page of pages) await expect(page.status('127.0.0.3')).toHaveText('Up');

  runClusterOrThrow(['kill', '3']);
  try {
    for (const page of pages) await expect(page.status('127.0.0.3')).toHaveText('Down', { timeout: 15_000 });
    for (const page of pages) await expect(page.status('127.0.0.1')).toHaveText('Up');
  } finally {
    runClusterOrThrow(['start', '3']);
  }
  for (const page of pages) await expect(page.status('127.0.0.3')).toHaveText('Up', { timeout: 60_000 });
});

test('a paused node is convicted by the failure detector, and the disagreement view shows who sees what', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const cluster = new ClusterPage(await openPage(browser));
  const gossip = new GossipPage(await openPage(browser));
  await cluster.open();
  await gossip.open();
  await expect(gossip.belief('127.0.0.1', '127.0.0.2')).toHaveText('UP');

  runClusterOrThrow(['pause', '2']);
  try {
    await expect(cluster.status('127.0.0.2')).toHaveText('Down', { timeout: 60_000 });
    await expect(cluster.status('127.0.0.2')).toHaveAttribute(
      'title',
      /convicted by the failure detector of 127\.0\.0\.1, 127\.0\.0\.3/,
    );
    await expect(gossip.belief('127.0.0.1', '127.0.0.2')).toHaveText('DOWN');
    await expect(gossip.belief('127.0.0.3', '127.0.0.2')).toHaveText('DOWN');
    await expect(gossip.belief('127.0.0.1', '127.0.0.3')).toHaveText('UP');
    // The paused node cannot be asked: its row says why.
    await expect(gossip.rowError('127.0.0.2')).toContainText('node 127.0.0.2: Jolokia did not answer within');
    // nodetool on node 1 agrees.
    expect(nodetoolStatus(1).find((r) => r.address === '127.0.0.2')?.status).toBe('Down');
  } finally {
    runClusterOrThrow(['resume', '2']);
  }
  await expect(cluster.status('127.0.0.2')).toHaveText('Up', { timeout: 60_000 });
  await expect(gossip.belief('127.0.0.1', '127.0.0.2')).toHaveText('UP', { timeout: 30_000 });
});

test('the whole cluster down: the page says so, then recovers by itself when the nodes return', async ({ page }) => {
  test.setTimeout(300_000);
  const cluster = new ClusterPage(page);
  await cluster.open();
  for (const node of ['1', '2', '3']) runClusterOrThrow(['kill', node]);
  try {
    await expect(cluster.clusterDown()).toContainText('Every node of demo is down', { timeout: 20_000 });
  } finally {
    runClusterOrThrow(['up']);
  }
  await expect(cluster.clusterDown()).toHaveCount(0, { timeout: 90_000 });
  for (const address of ['127.0.0.1', '127.0.0.2', '127.0.0.3'])
    await expect(cluster.status(address)).toHaveText('Up', { timeout: 60_000 });
});
