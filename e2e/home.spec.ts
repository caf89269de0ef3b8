import { expect, test } from '@playwright/test';
import { nodetoolStatus } from '@/localcluster/harness';
import { HomePage } from './pages/home-page';

test('the home page lists every node with the DC and status nodetool gives', async ({ page }) => {
  const expected = nodetoolStatus(1);
  expect(expected.length).toBeGreaterThanOrEqual(3);
  const home = new HomePage(page);
  await home.open();
  await expect(home.nodeRows('demo')).toHaveCount(expected.length);
  for (const node of expected) {
    await expect(home.dcTable('demo', node.dc).getByTestId(`node-row-${node.address}`)).toBeVisible();
    await expect(home.status('demo', node.address)).toHaveText(node.status);
    await expect(home.state('demo', node.address)).toHaveText(node.state);
  }
});

test('an unreachable contact point gets a message naming it and what failed', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await expect(home.clusterError('no-cql')).toContainText('Cannot reach cluster no-cql');
  await expect(home.clusterError('no-cql')).toContainText(/127\.0\.0\.99:9042: .*ECONNREFUSED/);
  // The healthy cluster on the same page is unaffected.
  await expect(home.status('demo', '127.0.0.1')).toHaveText('Up');
});

test('one node whose agent is out of reach says so on its row, the others unaffected', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await expect(home.problem('node3-no-jolokia', '127.0.0.3')).toHaveText(
    'node 127.0.0.3: Jolokia refused connection — is the node running with the Jolokia agent on this port? (http://127.0.0.3:8779/jolokia/)',
  );
  await expect(home.problem('node3-no-jolokia', '127.0.0.1')).toHaveCount(0);
  await expect(home.status('node3-no-jolokia', '127.0.0.3')).toHaveText('Up');
});

test('a wrong Jolokia port is named on every node it affects', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  for (const address of ['127.0.0.1', '127.0.0.2', '127.0.0.3']) {
    await expect(home.problem('wrong-jolokia', address)).toHaveText(
      `node ${address}: Jolokia refused connection — is the node running with the Jolokia agent on this port? (http://${address}:8779/jolokia/)`,
    );
  }
});
