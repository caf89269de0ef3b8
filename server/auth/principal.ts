import 'server-only';
/**
 * Who sent a request: the signed-in user and their grants, read from the database session on every
 * request (no cookie cache), so a revoked session, a ban or a role change counts at once.
 * better-auth's expiry slides with use; the absolute limit (`auth.sessionMaxHours`) is enforced here.
 *
 * better-auth's `getSession` costs about a millisecond (signature check, its adapter, its hooks), paid
 * by every call of every page; measured by `npm run bench -- auth-overhead`, that alone broke the
 * 2 ms p99 budget. So a session cookie that better-auth has verified is remembered (by its exact
 * signed value) for at most its refresh interval, and in that time each request only re-reads the
 * session and user rows (session-rows.ts): a signed-out, revoked, expired or disabled session still
 * fails on its very next request, and grants are read fresh every time. Past the refresh interval the
 * request goes through better-auth again, which slides the session's expiry and re-sends the cookie.
 */
import type { Grant } from '@/lib/roles';
import { config } from '../config';
import { logger } from '../log/logger';
import { getSessionCookie } from 'better-auth/cookies';
import { getAuth, sessionRefreshSeconds } from './auth';
import { grantsOf } from './grants';
import { liveSession } from './session-rows';

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
interface VerifiedSession {
  token: string;
  userId: string;
  email: string;
  name: string;
  verifiedAt: number;
}

/** Signed cookie value → what better-auth said of it. Bounded: the oldest go first. */
const verifiedSessions = new Map<string, VerifiedSession>();
const MAX_VERIFIED_SESSIONS = 10_000;

const ENDED = `${SIGN_IN_FIRST} (the session has ended or was revoked)`;
const DISABLED: PrincipalLookup = {
  principal: null,
  why: 'this user is disabled: a console administrator can enable it again',
};

function sessionTooOld(createdAt: Date): boolean {
  return Date.now() - createdAt.getTime() > config().auth.sessionMaxHours * 3_600_000;
}

function tooOld(userId: string): PrincipalLookup {
  log.info({ userId }, 'session ended: older than auth.sessionMaxHours');
  return {
    principal: null,
    why: `sign in again: sessions end ${config().auth.sessionMaxHours} hours after sign-in`,
  };
}

/** A remembered cookie, checked against the rows as they are now; undefined sends the request to better-auth. */
function fromVerified(cookie: string): PrincipalLookup | undefined {
  const known = verifiedSessions.get(cookie);
  if (!known) return undefined;
  if (Date.now() - known.verifiedAt > sessionRefreshSeconds(config()) * 1000) {
    verifiedSessions.delete(cookie);
    return undefined;
  }
  const row = liveSession(known.token);
  if (row?.banned) return DISABLED;
  if (!row || row.expiresAt.getTime() <= Date.now() || sessionTooOld(row.createdAt)) {
    // better-auth decides what an ended session gets (and deletes what is expired or too old).
    verifiedSessions.delete(cookie);
    return row ? undefined : { principal: null, why: ENDED };
  }
  const { userId, email, name } = known;
  return { principal: { userId, email, name, sessionCreatedAt: row.createdAt, grants: grantsOf(userId) } };
}

function remember(cookie: string, session: VerifiedSession): void {
  // Only the cookie better-auth itself read: its value is the session's token and the token's signature.
  if (!cookie.startsWith(`${session.token}.`)) return;
  if (verifiedSessions.size >= MAX_VERIFIED_SESSIONS) {
    const oldest = verifiedSessions.keys().next();
    if (!oldest.done) verifiedSessions.delete(oldest.value);
  }
  verifiedSessions.set(cookie, session);
}

export async function principalOf(headers: Headers, responseHeaders?: Headers): Promise<PrincipalLookup> {
  if (!headers.get('cookie')) return { principal: null, why: SIGN_IN_FIRST };
  const cookie = getSessionCookie(headers);
  if (!cookie) return { principal: null, why: SIGN_IN_FIRST };
  const remembered = fromVerified(cookie);
  if (remembered) return remembered;
  const auth = getAuth();
  const { headers: setHeaders, response } = await auth.api.getSession({
    headers,
    query: { disableCookieCache: true },
    returnHeaders: true,
  });
  if (!response) return { principal: null, why: ENDED };
  const { session, user } = response;
  // better-auth ends a user's sessions when it bans them, but does not refuse a session of a banned
  // user that survived (a ban written by another console, a ban that expired and was set again).
  if (liveSession(session.token)?.banned) return DISABLED;
  if (sessionTooOld(new Date(session.createdAt))) {
    await (await auth.$context).internalAdapter.deleteSession(session.token);
    return tooOld(user.id);
  }
  for (const setCookie of setHeaders?.getSetCookie() ?? []) responseHeaders?.append('set-cookie', setCookie);
  const verified: VerifiedSession = {
    token: session.token,
    userId: user.id,
    email: user.email,
    name: user.name,
    verifiedAt: Date.now(),
  };
  remember(cookie, verified);
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
