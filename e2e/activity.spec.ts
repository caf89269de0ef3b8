import { expect, test } from '@playwright/test';
import { setCompactionThroughput, tableWithTwentySSTables } from '@/localcluster/compaction-fixture';
import { ActivityPage } from './pages/activity-page';

test('a major compaction of a table with 20 SSTables started from the activity page: its bar moves, the job finishes', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const keyspace = 'ringside_e2e_activity';
  await tableWithTwentySSTables(keyspace);
  // Slow enough to watch the bar move.
  await setCompactionThroughput(2);
  try {
    const activity = new ActivityPage(page);
    await page.goto('/clusters/demo');
    await activity.navEntry().click();
    await page.getByTestId('activity-view').waitFor();
    const id = await activity.start({ kind: 'compact', keyspace, tables: 'events', node: '127.0.0.1' });
    await expect(activity.jobState(id)).toHaveText('running', { timeout: 30_000 });

    const bar = activity.stepProgress(id, '127.0.0.1');
    await expect(bar).toBeVisible({ timeout: 60_000 });
    const first = Number(await bar.getAttribute('aria-valuenow'));
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 })
      .toBeGreaterThan(first);

    await expect(activity.jobState(id)).toHaveText('succeeded', { timeout: 240_000 });
    await expect(activity.job(id).getByTestId('step-127.0.0.1')).toHaveAttribute('data-state', 'succeeded');
    expect(await activity.log(id)).toMatch(/127\.0\.0\.1: major compaction: done/);
  } finally {
    await setCompactionThroughput(64);
  }
});
