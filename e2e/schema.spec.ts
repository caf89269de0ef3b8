import { expect, test } from '@playwright/test';
import { nodetool } from '@/localcluster/harness';
import { cql } from './cql';
import { KeyspacesPage, TablePage } from './pages/schema-pages';

const KS = 'ringside_e2e_schema';
const EDITED = 'ringside_e2e_replication';

async function replicationOf(keyspace: string): Promise<Record<string, string>> {
  const [row] = await cql([
    { query: 'SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?', params: [keyspace] },
  ]);
  if (!row) throw new Error(`no system_schema.keyspaces row for ${keyspace}`);
  return row.get('replication');
}

test.beforeAll(async () => {
  await cql([
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}`,
    `CREATE TABLE IF NOT EXISTS ${KS}.readings (sensor_id int, day date, ts timestamp, value double, PRIMARY KEY ((sensor_id, day), ts)) WITH CLUSTERING ORDER BY (ts DESC)`,
    `DROP KEYSPACE IF EXISTS ${EDITED}`,
    `CREATE KEYSPACE ${EDITED} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}`,
  ]);
});

test('browse from the keyspaces to a table and see its keys', async ({ page }) => {
  const keyspaces = new KeyspacesPage(page);
  await keyspaces.open();
  await keyspaces.openKeyspace(KS);
  const table = new TablePage(page);
  await table.openTable('readings');
  await expect(table.primaryKey()).toHaveText('((sensor_id, day), ts)');
  await expect(table.columnRole('sensor_id')).toHaveText('partition key #1');
  await expect(table.columnRole('day')).toHaveText('partition key #2');
  await expect(table.columnRole('ts')).toHaveText('clustering #1');
});

test('find where a composite key lives, as nodetool getendpoints says, and see it on the ring', async ({ page }) => {
  await page.goto(`/clusters/demo/keyspaces/${KS}/readings`);
  const table = new TablePage(page);
  await table.locate({ sensor_id: '42', day: '2026-11-25' });
  const expected = nodetool(1, ['getendpoints', KS, 'readings', '42:2026-11-25'])
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .sort();
  const sorted = async (text: Promise<string | null>) => ((await text) ?? '').split(', ').sort();
  await expect(table.replicas()).toHaveText(/^127\./);
  expect(await sorted(table.replicas().textContent())).toEqual(expected);
  await expect(table.token()).toHaveText(/^-?\d+$/);
  await expect(table.needle()).toBeVisible();
  // The ring selects the range holding the token, with the same replicas.
  await expect(table.ringReplicas()).toHaveText(/^127\./);
  expect(await sorted(table.ringReplicas().textContent())).toEqual(expected);
});

test('a key that is not its column type is refused with the column and the type', async ({ page }) => {
  await page.goto(`/clusters/demo/keyspaces/${KS}/readings`);
  const table = new TablePage(page);
  await table.locate({ sensor_id: 'forty-two', day: '2026-11-25' });
  await expect(table.locateError()).toHaveText(
    'column sensor_id is int, and "forty-two" is not a int: expected a whole number',
  );
});

test('the replication editor asks for confirmation before it runs, and says what to run next', async ({ page }) => {
  const keyspaces = new KeyspacesPage(page);
  await keyspaces.open();
  await keyspaces.edit(EDITED);
  await keyspaces.setFactor('dc1', 2);
  await expect(keyspaces.statement()).toHaveText(
    `ALTER KEYSPACE ${EDITED} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
  );
  await expect(keyspaces.nextSteps()).toContainText(`nodetool repair -full ${EDITED}`);

  await keyspaces.applyButton().click();
  await expect(keyspaces.confirmation()).toContainText(`Run this statement on cluster demo?`);
  // Nothing has run yet; cancelling leaves the keyspace as it was.
  expect((await replicationOf(EDITED)).dc1).toBe('1');
  await keyspaces.cancel();
  await expect(keyspaces.confirmation()).toHaveCount(0);
  expect((await replicationOf(EDITED)).dc1).toBe('1');

  await keyspaces.applyButton().click();
  await keyspaces.confirm();
  await expect(keyspaces.done()).toContainText('Every node agrees on the new schema');
  expect(await replicationOf(EDITED)).toMatchObject({ dc1: '2', dc2: '1' });
  await expect(keyspaces.row(EDITED).getByTestId('rf-dc1')).toHaveText('2');
});
