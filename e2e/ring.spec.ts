import { expect, test } from '@playwright/test';
import { nodetoolStatus } from '@/localcluster/harness';
import { cql } from './cql';
import { ClusterPage } from './pages/cluster-page';

const KEYSPACE = 'ringside_e2e_ring';

test.beforeAll(async () => {
  await cql([
    `CREATE KEYSPACE IF NOT EXISTS ${KEYSPACE} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}`,
  ]);
});

test('hovering the ring shows a range, its owner and its replicas; ownership matches nodetool', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open();
  await cluster.chooseKeyspace(KEYSPACE);
  // The keyspace is in the address: a reload (or a link) opens the same ownership view.
  await expect(page).toHaveURL(new RegExp(`[?&]keyspace=${KEYSPACE}(&|$)`));
  await page.reload();
  await expect(page.getByTestId('keyspace-picker')).toHaveValue(KEYSPACE);
  for (const row of nodetoolStatus(1, 'demo', KEYSPACE)) {
    await expect(cluster.owns(row.address)).toHaveText(`${Number(row.owns.replace('%', '')).toFixed(1)}%`);
  }
  await cluster.hoverRingAt(0.01);
  await expect(cluster.ringDetail('range')).toHaveText(/^\(-?\d+, -?\d+\]$/);
  await expect(cluster.ringDetail('owner')).toHaveText(/^127\.0\.0\.[123]$/);
  // One replica per DC: exactly one of them is dc2's only node.
  await expect(cluster.ringDetail('replicas')).toHaveText(
    /^(127\.0\.0\.[12], 127\.0\.0\.3|127\.0\.0\.3, 127\.0\.0\.[12])$/,
  );
});

test('the ring can be stepped through with the keyboard', async ({ page }) => {
  const cluster = new ClusterPage(page);
  await cluster.open();
  await cluster.ringSurface().focus();
  await page.keyboard.press('ArrowRight');
  const first = await cluster.ringDetail('range').textContent();
  await page.keyboard.press('ArrowRight');
  await expect(cluster.ringDetail('range')).not.toHaveText(first ?? '');
  const [, , end] = /^\((-?\d+), (-?\d+)\]$/.exec(first ?? '') ?? [];
  // The next range starts where the previous one ended.
  await expect(cluster.ringDetail('range')).toHaveText(new RegExp(`^\\(${end}, -?\\d+\\]$`));
});
