import { expect, test } from '@playwright/test';

// Every response carries the headers that keep other sites from framing or sniffing the console.
for (const path of ['/', '/clusters/demo/query', '/api/health']) {
  test(`${path} is served with the security headers`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  });
}

test('a page gets a fresh script nonce each time, its own scripts carry it, and the page still works', async ({
  page,
  request,
}) => {
  const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
  const first = await request.get('/clusters/demo/query');
  const second = await request.get('/clusters/demo/query');
  const nonce = nonceOf(first.headers()['content-security-policy']);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);
  expect(first.headers()['content-security-policy']).toContain("'strict-dynamic'");
  expect(first.headers()['content-security-policy']).not.toContain('unsafe-eval');
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // Under the policy, React still hydrates: the live status only appears once client code runs.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/clusters/demo/query');
  await expect(page.getByTestId('cql-editor').locator('.cm-content')).toBeVisible();
  expect(violations).toEqual([]);
});
