import { expect, test, type Page } from '@playwright/test';
import { cql } from './cql';
import { QueryPage } from './pages/query-page';

// What a cluster stores is data, never markup: a text cell, a table comment, a column name and a UDT
// field name that look like HTML render as their text in every view that shows them.
const KS = 'ringside_e2e_markup';
const CELL = '<img src=x onerror=alert(1)>';
const COMMENT = '<img src=x onerror=alert(2)>';
const COLUMN = '<svg onload=alert(3)>';
const FIELD = '<img src=x onerror=alert(4)>';

test.beforeAll(async () => {
  await cql([
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1}`,
    `CREATE TYPE IF NOT EXISTS ${KS}.tag ("${FIELD}" text)`,
    `CREATE TABLE IF NOT EXISTS ${KS}.notes (id int PRIMARY KEY, body text, "${COLUMN}" text, tag frozen<tag>) WITH comment = '${COMMENT}'`,
    { query: `INSERT INTO ${KS}.notes (id, body, "${COLUMN}") VALUES (?, ?, ?)`, params: [1, CELL, CELL] },
    `UPDATE ${KS}.notes SET tag = {"${FIELD}": '${CELL}'} WHERE id = 1`,
  ]);
});

/** Fails the test on any dialog, and counts elements the markup would have made had it been parsed. */
function watchForInjection(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    dialogs,
    injected: () => page.locator('img[src="x"], svg[onload]').count(),
  };
}

test('stored markup renders inert in the workbench grid and the schema pages', async ({ page }) => {
  const watch = watchForInjection(page);
  const query = new QueryPage(page);
  await query.open();
  await query.chooseKeyspace(KS);
  await query.clearEditor();
  await query.type('SELECT * FROM notes;');
  await query.runStatementUnderCursor();
  await expect(query.cell(0, 'body')).toHaveText(CELL);
  await expect(query.cell(0, COLUMN)).toHaveText(CELL);
  // As cqlsh prints it: a field name that is no Python identifier becomes field_<n>_, the value stays.
  await expect(query.cell(0, 'tag')).toHaveText(`{field_0_: '${CELL}'}`);
  await expect(page.getByRole('columnheader').filter({ hasText: COLUMN }).first()).toBeVisible();

  await page.goto(`/clusters/demo/keyspaces/${KS}/notes`);
  await page.getByTestId('table-schema').waitFor();
  await expect(page.getByText(COLUMN).first()).toBeVisible();
  await expect(page.getByText(COMMENT).first()).toBeVisible();

  await page.goto(`/clusters/demo/keyspaces/${KS}`);
  await expect(page.getByText(FIELD).first()).toBeVisible();

  expect(await watch.injected()).toBe(0);
  expect(watch.dialogs).toEqual([]);
});
