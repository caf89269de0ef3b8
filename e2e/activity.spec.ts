import { expect, test } from '@playwright/test';
import cassandra from 'cassandra-driver';
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

    // The job filter is in the URL: a link opens the listing it names, a foreign kind reads as none.
    await page.goto(`/clusters/demo/activity?state=finished&kind=compact&text=${keyspace}`);
    await expect(page.getByTestId('filter-state')).toHaveValue('finished');
    await expect(activity.job(id)).toBeVisible();
    await page.goto('/clusters/demo/activity?state=failed&kind=defrag');
    await expect(page.getByTestId('filter-kind')).toHaveValue('all');
    await expect(activity.job(id)).toHaveCount(0);
  } finally {
    await setCompactionThroughput(64);
  }
});

test('a repair run started from the activity page shows its options map, advances, and pauses', async ({ page }) => {
  test.setTimeout(300_000);
  const keyspace = 'ringside_e2e_repair';
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  try {
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
    await client.execute(
      `CREATE KEYSPACE ${keyspace} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
    );
    await client.execute(`CREATE TABLE ${keyspace}.t (k int PRIMARY KEY, v text)`);
  } finally {
    await client.shutdown();
  }
  const activity = new ActivityPage(page);
  await activity.open();
  // 64 segments per node: 192 segments of a quarter vnode range each, long enough to pause in the middle.
  const id = await activity.startRepair(keyspace, 64);
  await expect(activity.jobState(id)).toHaveText('running', { timeout: 30_000 });
  await expect.poll(() => activity.stepsIn(id, 'succeeded').count(), { timeout: 120_000 }).toBeGreaterThan(2);
  await activity.pause(id);
  await expect(activity.jobState(id)).toHaveText('paused', { timeout: 120_000 });
  const atPause = await activity.stepsIn(id, 'succeeded').count();
  await page.waitForTimeout(3000);
  expect(await activity.stepsIn(id, 'succeeded').count()).toBe(atPause);
  // The run's own figures agree with its segments, and it had a pace while it ran.
  await expect(activity.repairFigures(id)).toContainText(`${atPause} of 192 segments repaired`);
  await expect(activity.repairFigures(id)).toContainText('segments/min');
  expect(await activity.log(id)).toMatch(/repairAsync|options \{"parallelism":"parallel"/);
  await activity.cancel(id);
  await expect(activity.jobState(id)).toHaveText('cancelled', { timeout: 60_000 });
});

test('a repair schedule added from the activity page shows its next run, pauses, and is deleted; the gc_grace_seconds check lists its new table', async ({
  page,
}) => {
  const keyspace = 'ringside_e2e_schedule';
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  try {
    // Made afresh: the table's age (from its id) decides when gc_grace_seconds run out.
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
    await client.execute(
      `CREATE KEYSPACE ${keyspace} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
    );
    await client.execute(`CREATE TABLE ${keyspace}.t (k int PRIMARY KEY, v text)`);
  } finally {
    await client.shutdown();
  }
  const activity = new ActivityPage(page);
  await activity.open();
  await page.getByTestId('schedule-list').waitFor();
  // A schedule an interrupted earlier run left behind.
  await activity.deleteSchedule(keyspace);

  // Far ahead, so it never runs here.
  await activity.addSchedule(keyspace, { everyDays: 3, firstStart: '2099-01-01T02:00', tables: 't' });
  await expect(page.getByTestId('schedule-added')).toBeVisible();
  const row = activity.schedule(keyspace);
  await expect(row).toContainText(`${keyspace}.{t}`);
  await expect(row.getByTestId('schedule-next')).toHaveText(/^2099-01-01 02:00 \(in \d+ d/);
  await expect(row.getByTestId('schedule-last')).toHaveText('no run yet');
  await row.getByTestId('schedule-pause').click();
  await expect(row).toHaveAttribute('data-enabled', 'false');
  await expect(row.getByTestId('schedule-next')).toHaveText(/, paused$/);
  await row.getByTestId('schedule-resume').click();
  await expect(row).toHaveAttribute('data-enabled', 'true');

  // A second schedule of the same keyspace is refused with the first one named.
  await activity.addSchedule(keyspace, { everyDays: 1, firstStart: '2099-01-01T03:00' });
  await expect(page.getByTestId('schedule-error')).toContainText(`already repairs ${keyspace} every 3 day(s)`);

  // Created moments ago and never repaired: listed, not past its gc_grace_seconds.
  const table = page.getByTestId(`gc-grace-${keyspace}.t`);
  await expect(table).toHaveAttribute('data-overdue', 'false');
  await expect(table).toContainText('never (by Ringside)');

  await activity.deleteSchedule(keyspace);
  await expect(row).toHaveCount(0);
});
