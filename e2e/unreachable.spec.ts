import { expect, test } from '@playwright/test';
import { CompactionPage } from './pages/compaction-page';
import { QueryPage } from './pages/query-page';

// `no-cql`'s contact point 127.0.0.99 has nothing listening: every section must say so, none stay empty.
const REFUSED = /127\.0\.0\.99:9042: .*ECONNREFUSED/;

test('the compaction page of an unreachable cluster says why in every section', async ({ page }) => {
  const compaction = new CompactionPage(page, 'no-cql');
  await compaction.open();
  await expect(compaction.runningError()).toContainText('Cannot read compactions:');
  await expect(compaction.runningError()).toContainText(REFUSED);
  await expect(compaction.pendingError()).toContainText(REFUSED);
  await expect(compaction.tablesError()).toContainText('Cannot read the tables:');
  await expect(compaction.tablesError()).toContainText(REFUSED);
  await expect(compaction.historyError()).toContainText('Cannot read the compaction history:');
  await expect(compaction.historyError()).toContainText(REFUSED);
  // No empty tables stand in for the failures.
  await expect(compaction.tables()).toHaveCount(0);
  await expect(compaction.history()).toHaveCount(0);
});

test('the workbench on an unreachable cluster says why, and so does the history of the failed run', async ({
  page,
}) => {
  const query = new QueryPage(page, 'no-cql');
  await query.open();
  await expect(query.outlineError()).toContainText(REFUSED);
  // A statement of its own (the LIMIT), so the history entry found is this run's.
  const statement = `SELECT release_version FROM system.local LIMIT ${Date.now() % 1_000_000}`;
  await query.clearEditor();
  await query.type(`${statement};`);
  await query.runStatementUnderCursor();
  await expect(query.statementError()).toContainText(REFUSED);
  await expect(query.history()).toContainText(statement);
  const entry = query.history().locator('li').filter({ hasText: statement });
  await expect(entry.getByTestId('history-entry-error')).toContainText(REFUSED);
  await expect(query.lastFailedRun()).toBeVisible();
});
