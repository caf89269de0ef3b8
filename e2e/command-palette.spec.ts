import { expect, test } from '@playwright/test';
import { nodetoolStatus } from '@/localcluster/harness';
import { cql } from './cql';
import { CommandPalette } from './pages/command-palette';

const KS = 'ringside_e2e_palette';
// A name no other keyspace of the demo cluster has a table called, so the first match is ours.
const TABLE = 'palette_sightings';

test.beforeAll(async () => {
  await cql([
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}`,
    `CREATE TABLE IF NOT EXISTS ${KS}.${TABLE} (id int PRIMARY KEY, seen timestamp)`,
  ]);
});

test.afterAll(async () => {
  await cql([`DROP KEYSPACE IF EXISTS ${KS}`]);
});

test("Ctrl-K finds a table by its name and Enter opens the table's page", async ({ page }) => {
  await page.goto('/clusters/demo/keyspaces');
  const palette = new CommandPalette(page);
  await expect(palette.openButton()).toContainText('Ctrl K');
  await palette.openWithKeyboard();
  await palette.search(TABLE);
  await expect(palette.items().first()).toHaveAttribute('data-href', `/clusters/demo/keyspaces/${KS}/${TABLE}`);
  await expect(palette.selected()).toHaveAttribute('data-kind', 'table');
  await palette.enter();
  await expect(page).toHaveURL(new RegExp(`/clusters/demo/keyspaces/${KS}/${TABLE}$`));
  await expect(page.getByTestId('table-schema')).toBeVisible();
  await expect(page.getByTestId('primary-key')).toHaveText('((id))');
  await expect(palette.input()).toBeHidden();
});

test('the header button opens it, and a node is found by its address and by its host id as nodetool lists them', async ({
  page,
}) => {
  const node3 = nodetoolStatus(1).find((r) => r.address === '127.0.0.3');
  if (!node3) throw new Error('nodetool status lists no 127.0.0.3');
  // Other test clusters reach the same nodes (wrong-jolokia): the current cluster's node comes first.
  await page.goto('/clusters/demo/gossip');
  const palette = new CommandPalette(page);
  await palette.openWithButton();
  await palette.search('127.0.0.3');
  await expect(palette.items().first()).toHaveAttribute('data-href', '/clusters/demo/nodes/127.0.0.3');
  await expect(palette.items().first()).toContainText(`${node3.dc} · ${node3.rack}`);
  // The host id alone finds the same node, and nothing else.
  await palette.search(node3.hostId.slice(0, 13));
  await expect(palette.items().first()).toHaveAttribute('data-href', '/clusters/demo/nodes/127.0.0.3');
  for (const href of await palette.items().evaluateAll((items) => items.map((i) => i.getAttribute('data-href'))))
    expect(href).toMatch(/\/nodes\/127\.0\.0\.3$/);
  await palette.enter();
  await expect(page).toHaveURL(/\/clusters\/demo\/nodes\/127\.0\.0\.3$/);
  await expect(page.getByTestId('fact-host-id')).toHaveText(node3.hostId);
});
