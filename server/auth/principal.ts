import 'server-only';
/**
 * Who sent a request: the signed-in user and their grants, read from the database session on every
 * request (no cookie cache), so a revoked session, a ban or a role change counts at once.
 * better-auth's expiry slides with use; the absolute limit (`auth.sessionMaxHours`) is enforced here.
 */
import type { Grant } from '@/lib/roles';
import { config } from '../config';
import { logger } from '../log/logger';
import { getAuth } from './auth';
import { grantsOf } from './grants';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  grants: Grant[];
  sessionCreatedAt: Date;
}

export type PrincipalLookup = { principal: Principal } | { principal: null; why: string };

const log = logger('auth');

export const SIGN_IN_FIRST = 'sign in first: this console serves signed-in users only';

/**
 * `responseHeaders`, when given, receives better-auth's refreshed session cookie, so that a session
 * in use keeps its cookie as long as its row.
 */
export async function principalOf(headers: Headers, responseHeaders?: Headers): Promise<PrincipalLookup> {
  if (!headers.get('cookie')) return { principal: null, why: SIGN_IN_FIRST };
  const auth = getAuth();
  const { headers: setHeaders, response } = await auth.api.getSession({
    headers,
    query: { disableCookieCache: true },
    returnHeaders: true,
  });
  if (!response) return { principal: null, why: `${SIGN_IN_FIRST} (the session has ended or was revoked)` };
  const { session, user } = response;
  const maxMs = config().auth.sessionMaxHours * 3_600_000;
  if (Date.now() - new Date(session.createdAt).getTime() > maxMs) {
    await (await auth.$context).internalAdapter.deleteSession(session.token);
    log.info({ userId: user.id }, 'session ended: older than auth.sessionMaxHours');
    return {
      principal: null,
      why: `sign in again: sessions end ${config().auth.sessionMaxHours} hours after sign-in`,
    };
  }
  for (const cookie of setHeaders?.getSetCookie() ?? []) responseHeaders?.append('set-cookie', cookie);
  return {
    principal: {
      userId: user.id,
      email: user.email,
      name: user.name,
      grants: grantsOf(user.id),
      sessionCreatedAt: new Date(session.createdAt),
    },
  };
}
