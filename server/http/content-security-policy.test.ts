import { describe, expect, it } from 'vitest';
import { newNonce, nonceOf, pageContentSecurityPolicy } from './content-security-policy';

describe('the page Content-Security-Policy', () => {
  it('lets only nonced scripts run, and eval only in development', () => {
    const production = pageContentSecurityPolicy({ nonce: 'abc', development: false });
    expect(production).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(production).not.toContain('unsafe-eval');
    expect(production).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(production).toContain("object-src 'none'");
    expect(production).toContain("frame-ancestors 'self'");
    expect(pageContentSecurityPolicy({ nonce: 'abc', development: true })).toContain("'unsafe-eval'");
  });

  it('makes a new 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it('reads the nonce back from a policy, and nothing from none', () => {
    const nonce = newNonce();
    expect(nonceOf(pageContentSecurityPolicy({ nonce, development: false }))).toBe(nonce);
    expect(nonceOf(null)).toBeUndefined();
    expect(nonceOf("default-src 'self'")).toBeUndefined();
  });
});
