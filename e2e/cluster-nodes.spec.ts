import { expect, test } from '@playwright/test';
import { nodetoolStatus } from '@/localcluster/harness';
import { ClusterPage } from './pages/cluster-page';

// A cluster's own page lists its nodes (the home page shows a card per cluster, not node tables).

test('the cluster page lists every node with the DC and status nodetool gives', async ({ page }) => {
  const expected = nodetoolStatus(1);
  expect(expected.length).toBeGreaterThanOrEqual(3);
  const cluster = new ClusterPage(page, 'demo');
  await cluster.open();
  await expect(cluster.nodeRows()).toHaveCount(expected.length);
  for (const node of expected) {
    await expect(cluster.nodeRowInDc(node.dc, node.address)).toBeVisible();
    await expect(cluster.status(node.address)).toHaveText(node.status);
    await expect(cluster.state(node.address)).toHaveText(node.state);
  }
  for (const dc of new Set(expected.map((n) => n.dc))) {
    const inDc = expected.filter((n) => n.dc === dc);
    await expect(cluster.dcTable(dc)).toContainText(
      `Datacenter: ${dc} (${inDc.filter((n) => n.status === 'Up').length}/${inDc.length} up)`,
    );
  }
});

test("the node table's filter, sort and columns are kept in the URL and read back from it", async ({ page }) => {
  const cluster = new ClusterPage(page, 'demo');
  await cluster.open();
  await page.getByTestId('node-filter').fill('127.0.0.3');
  await expect(cluster.nodeRows()).toHaveCount(1);
  await page.getByTestId('sort-load').click();
  await page.getByTestId('node-grouping').selectOption('rack');
  await page.getByTestId('column-menu').click();
  await page.getByTestId('column-host').click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: 'Host ID' })).toHaveCount(0);
  await expect(page).toHaveURL(/q=127\.0\.0\.3/);
  await expect(page).toHaveURL(/sort=load/);
  await expect(page).toHaveURL(/group=rack/);
  await page.reload();
  await page.getByTestId('live-indicator').filter({ hasText: 'live' }).waitFor();
  await expect(page.getByTestId('node-filter')).toHaveValue('127.0.0.3');
  await expect(cluster.nodeRows()).toHaveCount(1);
  await expect(page.getByTestId('sort-load')).toHaveText('Load ▲');
  await expect(page.getByTestId('node-grouping')).toHaveValue('rack');
  await expect(page.locator('[data-testid^="rack-"]')).toHaveCount(1);
  await expect(page.getByRole('columnheader', { name: 'Host ID' })).toHaveCount(0);
});

test('an unreachable contact point gets a message naming it and what failed', async ({ page }) => {
  const cluster = new ClusterPage(page, 'no-cql');
  await cluster.open();
  await expect(cluster.clusterError()).toContainText('Cannot reach cluster no-cql');
  await expect(cluster.clusterError()).toContainText(/127\.0\.0\.99:9042: .*ECONNREFUSED/);
});

test('one node whose agent is out of reach says so on its row, the others unaffected', async ({ page }) => {
  const cluster = new ClusterPage(page, 'node3-no-jolokia');
  await cluster.open();
  await expect(cluster.problem('127.0.0.3')).toHaveText(
    'node 127.0.0.3: Jolokia refused connection — is the node running with the Jolokia agent on this port? (http://127.0.0.3:8779/jolokia/)',
  );
  await expect(cluster.problem('127.0.0.1')).toHaveCount(0);
  await expect(cluster.status('127.0.0.3')).toHaveText('Up');
});

test('a wrong Jolokia port is named on every node it affects', async ({ page }) => {
  const cluster = new ClusterPage(page, 'wrong-jolokia');
  await cluster.open();
  for (const address of ['127.0.0.1', '127.0.0.2', '127.0.0.3']) {
    await expect(cluster.problem(address)).toHaveText(
      `node ${address}: Jolokia refused connection — is the node running with the Jolokia agent on this port? (http://${address}:8779/jolokia/)`,
    );
  }
});
