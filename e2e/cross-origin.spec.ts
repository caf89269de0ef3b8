import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

let attacker: Server;
test.beforeAll(async () => {
  // Another site: a plain page on another port of the loopback address.
  attacker = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body></body></html>'),
  );
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
});
test.afterAll(() => attacker.close());

// A page on another origin posts an HTML form to a mutation. tRPC 11 accepts multipart/form-data, which a form can send without a preflight,
// so the console's own guard must refuse it by its Origin.
test('a cross-origin form post to a mutation is refused', async ({ page, baseURL }) => {
  const console = new URL(baseURL ?? 'http://127.0.0.1:3210');
  await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
  const refused = page.waitForResponse((r) => r.url().includes('/api/trpc/query.save'));
  await page.evaluate((action) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.enctype = 'multipart/form-data';
    form.action = action;
    for (const [name, value] of Object.entries({ clusterId: 'demo', name: 'planted', statement: 'DROP KEYSPACE x' })) {
      const input = document.createElement('input');
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, `${console.origin}/api/trpc/query.save`);
  const response = await refused;
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('may not act on this console');
});
