import { describe, expect, it } from 'vitest';
import { crossSiteReason } from './same-origin';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('crossSiteReason', () => {
  it('accepts the console’s own pages and requests without an Origin (scripts, server-side callers)', () => {
    expect(
      crossSiteReason(
        headers({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }),
      ),
    ).toBeNull();
    expect(crossSiteReason(headers({ host: '127.0.0.1:3000' }))).toBeNull();
    expect(crossSiteReason(new Headers())).toBeNull();
  });

  it('refuses another site, by Sec-Fetch-Site or by Origin', () => {
    expect(crossSiteReason(headers({ host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }))).toMatch(
      /another site/,
    );
    expect(crossSiteReason(headers({ host: '127.0.0.1:3000', 'sec-fetch-site': 'same-site' }))).toMatch(/another site/);
    expect(crossSiteReason(headers({ host: '127.0.0.1:3000', origin: 'http://evil.example' }))).toMatch(
      /evil\.example/,
    );
    expect(crossSiteReason(headers({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }))).toMatch(/3001/);
  });

  it('refuses an opaque or malformed Origin', () => {
    expect(crossSiteReason(headers({ host: 'h', origin: 'null' }))).toMatch(/opaque/);
    expect(crossSiteReason(headers({ host: 'h', origin: 'not a url' }))).toMatch(/not a URL/);
  });
});
