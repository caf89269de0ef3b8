/**
 * ring-render: Chromium renders synthetic token maps (100×16, 1,000×16, 1,000×256 vnodes): time from
 * the data being ready to the ring painted, and time to handle a hover (the event until the range
 * details change). Target at 1,000×256: first paint ≤ 300 ms, hover ≤ 16 ms.
 */
import { chromium } from '@playwright/test';
import { median, startConsole } from './console-server';

const CASES = [
  { nodes: 100, vnodes: 16 },
  { nodes: 1000, vnodes: 16 },
  { nodes: 1000, vnodes: 256 },
];
const HOVERS = 25;

export async function run(): Promise<Record<string, unknown>> {
  const server = await startConsole(3291);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-dev-shm-usage'],
  });
  const cases = [];
  try {
    for (const c of CASES) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(`${server.url}/bench/ring?nodes=${c.nodes}&vnodes=${c.vnodes}`);
      await page.waitForFunction(() => performance.getEntriesByName('ring-painted').length > 0, undefined, {
        timeout: 60_000,
      });
      const paint = await page.evaluate(() => {
        const [ready] = performance.getEntriesByName('ring-data-ready');
        const [painted] = performance.getEntriesByName('ring-painted');
        if (!ready || !painted) throw new Error('the ring page marked no ring-data-ready or ring-painted');
        return { firstPaint: painted.startTime - ready.startTime, sinceNavigation: painted.startTime };
      });
      const box = (await page.getByTestId('ring-surface').boundingBox())!;
      const hovers: number[] = [];
      for (let i = 0; i < HOVERS; i++) {
        const angle = ((i * 137.5) % 360) * (Math.PI / 180);
        const radius = box.width / 2 - 14;
        const point = {
          x: box.x + box.width / 2 + Math.sin(angle) * radius,
          y: box.y + box.height / 2 - Math.cos(angle) * radius,
        };
        const ms = await page.evaluate(
          ({ x, y }) =>
            new Promise<number>((resolve) => {
              const surface = document.querySelector('[data-testid="ring-surface"]')!;
              const details = document.querySelector('.ring-side')!;
              const started = performance.now();
              const observer = new MutationObserver(() => {
                observer.disconnect();
                resolve(performance.now() - started);
              });
              observer.observe(details, { subtree: true, childList: true, characterData: true });
              surface.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
              setTimeout(() => {
                observer.disconnect();
                resolve(-1);
              }, 2000);
            }),
          point,
        );
        if (ms >= 0) hovers.push(ms);
      }
      const result = {
        nodes: c.nodes,
        vnodes: c.vnodes,
        arcs: c.nodes * c.vnodes,
        first_paint_ms: Math.round(paint.firstPaint),
        since_navigation_ms: Math.round(paint.sinceNavigation),
        hover_ms: Number(median(hovers).toFixed(1)),
        hover_max_ms: Number(Math.max(...hovers).toFixed(1)),
        hovers_measured: hovers.length,
      };
      console.log(
        `${c.nodes}×${c.vnodes} (${result.arcs} arcs): painted ${result.first_paint_ms} ms after the data was ready (${result.since_navigation_ms} ms after navigation); ` +
          `hover median ${result.hover_ms} ms, max ${result.hover_max_ms} ms over ${hovers.length}`,
      );
      cases.push(result);
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
  return { cases };
}
