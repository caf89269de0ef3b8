/**
 * Every main page, in the light and the dark theme, checked by axe-core (all its rules: WCAG 2.x A/AA
 * and best practices) once its data is on screen. A serious or critical violation fails the test,
 * naming the rule and the elements; moderate and minor ones are left to review.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

interface Checked {
  path: string;
  /** Resolves once the page shows its data (axe on a loading page checks little). */
  ready(page: Page): Promise<void>;
}

const testId = (id: string) => async (page: Page) => {
  await page.getByTestId(id).first().waitFor();
};
const live = async (page: Page) => {
  await page.getByTestId('live-indicator').filter({ hasText: 'live' }).first().waitFor();
};
const both =
  (...steps: ((page: Page) => Promise<void>)[]) =>
  async (page: Page) => {
    for (const step of steps) await step(page);
  };

const PAGES: Checked[] = [
  { path: '/', ready: both(live, testId('cluster-card-demo')) },
  { path: '/clusters/demo', ready: both(live, testId('node-row-127.0.0.1'), testId('ring-svg')) },
  { path: '/clusters/demo/physical', ready: both(live, testId('physical-dc-dc1')) },
  { path: '/clusters/demo/nodes/127.0.0.1', ready: both(live, testId('node-facts'), testId('metrics-dashboard')) },
  { path: '/clusters/demo/alerts', ready: both(live, testId('node-verdicts'), testId('alert-rules')) },
  { path: '/clusters/demo/metrics', ready: both(live, testId('metrics-dashboard'), testId('collector-status')) },
  { path: '/clusters/demo/gossip', ready: both(live, testId('disagreement')) },
  { path: '/clusters/demo/keyspaces', ready: both(live, testId('keyspace-list')) },
  { path: '/clusters/demo/keyspaces/system_schema', ready: both(live, testId('table-list')) },
  { path: '/clusters/demo/keyspaces/system_schema/tables', ready: both(live, testId('table-schema')) },
  {
    path: '/clusters/demo/query',
    ready: async (page) => {
      await live(page);
      await page.getByTestId('cql-editor').locator('.cm-content').waitFor();
    },
  },
  { path: '/clusters/demo/compaction', ready: both(live, testId('compaction-view')) },
  { path: '/clusters/demo/activity', ready: both(live, testId('activity-view')) },
  { path: '/clusters/demo/advisor', ready: both(live, testId('advisor')) },
  { path: '/admin/users', ready: testId('user-table') },
  { path: '/admin/audit', ready: testId('audit-filter') },
  { path: '/admin/destinations', ready: testId('destinations') },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`)
          .join(' | ')}`,
    );
}

// axe walks the whole DOM of pages that update every second: on a busy machine that alone has taken a minute.
test.describe.configure({ timeout: 300_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const { path, ready } of PAGES) {
      test(`${path} has no serious or critical violation`, async ({ page }) => {
        await page.goto(path);
        await ready(page);
        await expect(page.locator('html')).toHaveClass(colorScheme);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test.describe('signed out', () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test('/login has no serious or critical violation', async ({ page }) => {
        await page.goto('/login');
        await page.getByTestId('login-form').waitFor();
        await expect(page.locator('html')).toHaveClass(colorScheme);
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  });
}
