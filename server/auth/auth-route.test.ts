import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log';
import { useTemporaryConfig } from '@/testing/unit-config';
import { handleAuthRequest } from './auth-route';
import { generatePassword, seedUser } from './users';

const BASE = 'http://127.0.0.1:3000';
let password: string;

beforeAll(async () => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } }],
    auth: { baseURL: BASE },
  });
  password = generatePassword();
  for (const email of ['ana@ringside.test', 'bo@ringside.test'])
    await seedUser({
      email,
      name: email,
      password,
      grants: [{ cluster: 'prod', role: 'viewer' }],
      resetIfPresent: false,
    });
});

/** A sign-in through the HTTP route, as the login page sends it (Next.js fills X-Forwarded-For from the socket). */
const signIn = (email: string, pass: string, ip = '127.0.0.1') =>
  handleAuthRequest(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password: pass }),
    }),
    crypto.randomUUID(),
  );

describe('the sign-in route', () => {
  it('signs in with the right password, and audits it without the password', async () => {
    const response = await signIn('ana@ringside.test', password, '10.1.1.1');
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join(';')).toContain('better-auth.session_token=');
    const [entry] = listAudit({ user: 'ana@', action: 'auth.sign-in' });
    expect(entry).toMatchObject({ outcome: 'ok', ip: '10.1.1.1', userEmail: 'ana@ringside.test' });
    expect(JSON.stringify(listAudit({}))).not.toContain(password);
  });

  it('throttles 30 wrong passwords in a minute from one address, and audits each', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await signIn('bo@ringside.test', `wrong-password-${i}`, '10.2.2.2')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // Even the right password waits out the minute now.
    expect((await signIn('bo@ringside.test', password, '10.2.2.2')).status).toBe(429);
    const entries = listAudit({ user: 'bo@', action: 'auth.sign-in' });
    expect(entries.filter((e) => e.outcome === 'failed')).toHaveLength(10);
    expect(entries.filter((e) => e.outcome === 'throttled').length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(entries)).not.toContain('wrong-password');
  });

  it('throttles an account whose guesses come from ever new addresses (X-Forwarded-For is the client’s to write)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await signIn('ana@ringside.test', `guess-${i}`, `10.3.${i}.1`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const throttled = listAudit({ user: 'ana@', outcome: 'throttled' });
    expect(throttled[0]?.detail).toContain('too many failed sign-ins for ana@ringside.test');
  });

  it('refuses sign-up: users are added by an administrator', async () => {
    const response = await handleAuthRequest(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE, 'x-forwarded-for': '10.4.4.4' },
        body: JSON.stringify({ email: 'mallory@ringside.test', password: generatePassword(), name: 'm' }),
      }),
      'r',
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(listAudit({ action: 'auth.sign-up' })[0]).toMatchObject({
      outcome: expect.stringMatching(/refused|failed/),
    });
  });
});
