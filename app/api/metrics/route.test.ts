import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { GET } from './route';

const TOKEN = 'scrape-token-0123456789abcdef';

beforeAll(() => {
  const tokenFile = join(mkdtempSync(join(tmpdir(), 'ringside-token-')), 'metrics-token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1', metrics: { enabled: false } }],
    prometheus: { bearerTokenFile: tokenFile },
  });
});

const scrape = (authorization?: string) =>
  GET(new Request('http://127.0.0.1/api/metrics', { headers: authorization ? { authorization } : {} }));

describe('/api/metrics with a bearer token configured', () => {
  it('refuses a scrape without the token, saying why', async () => {
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(await anonymous.text()).toContain('no Authorization header');
    expect((await scrape('Bearer not-the-token-at-all')).status).toBe(401);
  });

  it('serves the exposition to a scrape with the token', async () => {
    const allowed = await scrape(`Bearer ${TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-type')).toContain('text/plain');
  });
});
