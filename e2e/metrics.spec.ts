import { expect, test } from '@playwright/test';
import {
  DC1,
  forceMajorCompaction,
  setCompactionThroughput,
  tableWithTwentySSTables,
} from '@/localcluster/compaction-fixture';
import { runLoad, waitUntilWritable } from '@/localcluster/load-generator';
import { CompactionPage } from './pages/compaction-page';
import { MetricsPage } from './pages/metrics-pages';

test('the dashboard charts real traffic, and a longer range reads a coarser rollup', async ({ page }) => {
  test.setTimeout(180_000);
  // An earlier spec may have just restarted every node.
  await waitUntilWritable();
  const load = runLoad({ rate: 150, durationMs: 15_000, readRatio: 0.3 });
  const metrics = new MetricsPage(page);
  await metrics.open();
  const writes = metrics.chart('client.write.rate');
  await expect(writes).toContainText('(raw)');
  // The collector polls every 2 s here; the live tail adds its points without a reload.
  await expect.poll(() => metrics.pointsIn('client.write.rate'), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  await expect(writes.locator('path.recharts-line-curve').first()).toBeVisible();
  const done = await load;
  expect(done.errors, `the load failed ${done.errors} times, first: ${done.firstError}`).toBe(0);

  await metrics.chooseRange('24h');
  await expect(writes).toContainText('(1m)');
  await metrics.chooseRange('7d');
  await expect(writes).toContainText('(5m)');
  await metrics.chooseRange('30d');
  await expect(writes).toContainText('(2h)');
});

test('a forced major compaction shows a progress bar that moves, then lands in the history', async ({ page }) => {
  test.setTimeout(300_000);
  const keyspace = 'ringside_e2e_compaction';
  await tableWithTwentySSTables(keyspace);
  await setCompactionThroughput(2);
  try {
    const view = new CompactionPage(page);
    await view.open();
    const runs = DC1.map((node) => forceMajorCompaction(node, keyspace));
    const bar = view.progressOf(`${keyspace}.events`).first();
    await expect(bar).toBeVisible({ timeout: 60_000 });
    const first = Number(await bar.getAttribute('value'));
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(first);
    await Promise.all(runs);
    await expect(view.historyOf(`${keyspace}.events`).first()).toBeVisible({ timeout: 30_000 });
  } finally {
    await setCompactionThroughput(64);
  }
});
