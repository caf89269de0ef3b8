/**
 * `npm run screenshots`: pictures of the main views for the README and docs, taken from the real
 * demo cluster so they stay current. Needs the cluster up (`npm run cluster -- up`) and the console
 * built (`npx next build`); starts the built console on a port of its own with the demo's
 * configuration, signs in as the benchmarks' administrator, and writes one PNG per view and theme
 * (the theme follows the browser's colour scheme, as for a user) to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { benchSession, startConsole } from '../bench/console-server';

const OUT = 'docs/screenshots';
const PORT = 3296;

interface View {
  name: string;
  path: string;
  /** Resolves once the view shows real data, not its loading state. */
  ready(page: Page): Promise<void>;
}

const liveIndicator = (page: Page) =>
  page.getByTestId('live-indicator').filter({ hasText: 'live' }).first().waitFor({ timeout: 60_000 });
const shown = (page: Page, testId: string) => page.getByTestId(testId).first().waitFor({ timeout: 60_000 });

const VIEWS: View[] = [
  {
    name: 'home',
    path: '/',
    ready: async (page) => {
      await liveIndicator(page);
      await page.getByTestId('card-nodes').first().waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'overview',
    path: '/clusters/demo',
    ready: async (page) => {
      await liveIndicator(page);
      await shown(page, 'overview-tiles');
      await shown(page, 'ring-svg');
    },
  },
  {
    name: 'physical',
    path: '/clusters/demo/physical',
    ready: async (page) => {
      await liveIndicator(page);
      await shown(page, 'physical-dc-dc1');
    },
  },
  {
    name: 'metrics',
    path: '/clusters/demo/metrics',
    ready: async (page) => {
      await liveIndicator(page);
      await page.locator('path.recharts-line-curve').first().waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'workbench',
    path: '/clusters/demo/query',
    ready: async (page) => {
      const editor = page.getByTestId('cql-editor').locator('.cm-content');
      await editor.waitFor({ timeout: 60_000 });
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('SELECT peer, data_center, rack, release_version, tokens FROM system.peers_v2;');
      await editor.focus();
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('result-grid').first().waitFor({ timeout: 60_000 });
    },
  },
];

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const config = process.env.RINGSIDE_CONFIG ?? 'ringside.config.json';
  const server = await startConsole(PORT, config);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const cookie = await benchSession(server.url, config);
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme });
      await context.addCookies(
        cookie.split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
        }),
      );
      for (const view of VIEWS) {
        const page = await context.newPage();
        await page.goto(`${server.url}${view.path}`);
        await view.ready(page);
        // Charts and the ring draw on the frame after their data; let them settle.
        await page.waitForTimeout(1500);
        const file = join(OUT, `${view.name}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${file}`);
        await page.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${(error as Error).message}`);
  process.exit(1);
});
