import { expect, test } from '@playwright/test';
import { nodetoolStatus } from '@/localcluster/harness';
import { PhysicalPage } from './pages/physical-page';

// A killed node on the physical view: e2e/killed-node.spec.ts (one kill for the three views).

test('the physical view puts every node in its DC and rack as nodetool status does, each tile a link', async ({
  page,
}) => {
  const expected = nodetoolStatus(1);
  expect(expected.length).toBeGreaterThanOrEqual(3);
  const physical = new PhysicalPage(page);
  await physical.open();
  await expect(physical.tiles()).toHaveCount(expected.length);
  for (const key of new Set(expected.map((n) => `${n.dc}\u0000${n.rack}`))) {
    const [dc, rack] = key.split('\u0000') as [string, string];
    const inRack = expected.filter((n) => n.dc === dc && n.rack === rack).map((n) => `tile-${n.address}`);
    const shown = await physical.rackTiles(dc, rack).evaluateAll((tiles) => tiles.map((t) => t.dataset.testid));
    expect(shown.sort()).toEqual(inRack.sort());
  }
  for (const node of expected) {
    await expect(physical.tile(node.address)).toHaveAttribute('data-status', node.status);
    await expect(physical.tileValue(node.address)).toHaveText(node.state === 'Normal' ? node.status : node.state);
  }
  // The measure is in the URL, and a tile opens its node's page.
  await physical.measure().selectOption('heap');
  await expect(page).toHaveURL(/measure=heap/);
  await expect(physical.tileValue('127.0.0.1')).toHaveText(/^\d+%$/);
  await page.reload();
  await expect(physical.measure()).toHaveValue('heap');
  await physical.tile('127.0.0.2').click();
  await expect(page).toHaveURL(/\/clusters\/demo\/nodes\/127\.0\.0\.2$/);
  await expect(page.getByTestId('fact-datacenter')).toHaveText(expected.find((n) => n.address === '127.0.0.2')!.dc);
});
