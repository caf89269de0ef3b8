/**
 * The session lookup on every request: a remembered (already verified) cookie must still fail on its
 * very next request once the session is signed out, revoked or its user disabled, and must carry a
 * grant change at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '@/testing/test-session';
import { useTemporaryConfig } from '@/testing/unit-config';
import { getAuth } from './auth';
import { replaceGrants } from './grants';
import { principalOf } from './principal';

beforeAll(() => {
  useTemporaryConfig({ clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1' }] });
});

async function signedIn(email: string) {
  const headers = new Headers({ cookie: await sessionCookie(email, [{ cluster: 'prod', role: 'viewer' }]) });
  const first = await principalOf(headers);
  if (!first.principal) throw new Error(`fresh session refused: ${first.why}`);
  // Twice, so the second lookup is the remembered one.
  expect((await principalOf(headers)).principal?.email).toBe(email);
  return { headers, userId: first.principal.userId };
}

async function usersToken(userId: string): Promise<string> {
  const ctx = await getAuth().$context;
  const sessions = await ctx.internalAdapter.listSessions(userId);
  const token = sessions[0]?.token;
  if (!token) throw new Error('no session');
  return token;
}

describe('who sent a request', () => {
  it('refuses a remembered cookie on the next request after its session is deleted', async () => {
    const { headers, userId } = await signedIn('gone@ringside.test');
    const ctx = await getAuth().$context;
    await ctx.internalAdapter.deleteSession(await usersToken(userId));
    expect(await principalOf(headers)).toEqual({ principal: null, why: expect.stringMatching(/ended or was revoked/) });
  });

  it('refuses a remembered cookie once its user is disabled', async () => {
    const { headers, userId } = await signedIn('banned@ringside.test');
    // A ban written straight to the row, as a second console would: no in-process hook sees it.
    const ctx = await getAuth().$context;
    await ctx.internalAdapter.updateUser(userId, { banned: true });
    expect((await principalOf(headers)).principal).toBeNull();
  });

  it('reads grants fresh on every request', async () => {
    const { headers, userId } = await signedIn('promoted@ringside.test');
    replaceGrants(userId, [{ cluster: 'prod', role: 'operator' }]);
    expect((await principalOf(headers)).principal?.grants).toEqual([{ cluster: 'prod', role: 'operator' }]);
  });

  it('does not take a cookie with a forged signature for the remembered one', async () => {
    const { headers } = await signedIn('forged@ringside.test');
    const cookie = headers.get('cookie')!;
    const forged = new Headers({ cookie: cookie.replace(/\.[^.;]+(;|$)/, '.AAAAforged$1') });
    expect((await principalOf(forged)).principal).toBeNull();
  });
});
