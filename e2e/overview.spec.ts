import { expect, test } from '@playwright/test';
import { nodetoolStatus } from '@/localcluster/harness';
import { OverviewTiles } from './pages/overview-tiles';

// A killed node on the tiles: e2e/killed-node.spec.ts (one kill for the three views).

function perDc(rows: ReturnType<typeof nodetoolStatus>) {
  const dcs = new Map<string, { up: number; down: number }>();
  for (const row of rows) {
    const counts = dcs.get(row.dc) ?? { up: 0, down: 0 };
    counts[row.status === 'Up' ? 'up' : 'down'] += 1;
    dcs.set(row.dc, counts);
  }
  return dcs;
}

test('the tiles agree with nodetool status and link to their views; the charts and running now show', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tiles = new OverviewTiles(page);
  await tiles.open();
  const status = nodetoolStatus(1);
  const up = status.filter((r) => r.status === 'Up').length;
  await expect(tiles.value('nodes')).toHaveText(`${up}/${status.length}`);
  for (const [dc, counts] of perDc(status)) {
    await expect(tiles.dc(dc)).toHaveAttribute('data-up', String(counts.up));
    await expect(tiles.dc(dc)).toHaveAttribute('data-down', String(counts.down));
  }
  await expect(tiles.value('schema')).toHaveText('1');
  await expect(tiles.tile('compactions')).toHaveAttribute('href', '/clusters/demo/compaction');
  await expect(tiles.tile('agents')).toHaveAttribute('href', '/clusters/demo/gossip');
  // Open incidents come from the page's alerts stream, beside the node table's marks.
  await expect(tiles.tile('alerts')).toHaveAttribute('href', '/clusters/demo/alerts');
  // The collector's figures arrive on the same live push (metrics every 2 s in the test config).
  await expect(tiles.value('disk')).not.toHaveText('—', { timeout: 30_000 });
  // Below the tiles: the metrics page's charts with the collector's stored points, and what runs now.
  await expect(page.getByTestId('chart-client.write.rate')).not.toHaveAttribute('data-points', '0');
  await expect(page.getByTestId('overview-charts-link')).toHaveAttribute('href', '/clusters/demo/metrics?range=1h');
  await expect(page.getByTestId('overview-running-counts')).toBeVisible();
});
