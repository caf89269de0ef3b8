import 'server-only';
/**
 * The /api/auth/* route around better-auth's handler: every sign-in (failed and throttled ones too),
 * sign-out and account change made through it goes to the audit log, and an account with too many
 * failed sign-ins in the last minute is refused before its password is checked. better-auth's own
 * limiter counts per address, which a client can forge behind no proxy (request-origin.ts); the count
 * per account cannot be dodged that way.
 */
import { z } from 'zod';
import { failedSignInsSince, recordAudit, type AuditOutcome } from '../audit/audit-log';
import { requestOrigin } from '../audit/request-origin';
import { config } from '../config';
import { logger } from '../log/logger';
import { getAuth } from './auth';
import { principalOf } from './principal';

const log = logger('auth');
const SIGN_IN = '/api/auth/sign-in/email';
const signInBody = z.object({ email: z.string().max(320) });
const signedInBody = z.object({ user: z.object({ id: z.string(), email: z.string() }) });

async function messageOf(response: Response): Promise<string> {
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : `HTTP ${response.status}`;
}

function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'ok';
  if (status === 429) return 'throttled';
  return status === 401 || status === 403 ? 'refused' : 'failed';
}

export async function handleAuthRequest(request: Request, requestId: string): Promise<Response> {
  if (request.method !== 'POST') return getAuth().handler(request);
  const path = new URL(request.url).pathname;
  const origin = requestOrigin(request.headers);
  const base = { ...origin, cluster: null, target: null, requestId };
  if (path === SIGN_IN) {
    const email =
      signInBody
        .safeParse(
          await request
            .clone()
            .json()
            .catch(() => null),
        )
        .data?.email.trim()
        .toLowerCase() ?? null;
    const limit = config().auth.failedSignInsPerAccountPerMinute;
    if (email !== null && failedSignInsSince(email, Date.now() - 60_000) >= limit) {
      const message = `too many failed sign-ins for ${email} in the last minute: wait a minute and try again`;
      recordAudit({
        ...base,
        userId: null,
        userEmail: email,
        role: null,
        action: 'auth.sign-in',
        params: null,
        outcome: 'throttled',
        detail: message,
      });
      log.warn({ requestId, ip: origin.ip }, 'sign-in refused: too many failures for the account');
      return Response.json(
        { code: 'TOO_MANY_FAILED_SIGN_INS', message },
        { status: 429, headers: { 'retry-after': '60' } },
      );
    }
    const response = await getAuth().handler(request);
    const signedIn =
      response.status === 200
        ? signedInBody.safeParse(
            await response
              .clone()
              .json()
              .catch(() => null),
          ).data
        : undefined;
    const outcome: AuditOutcome = response.status === 200 ? 'ok' : response.status === 429 ? 'throttled' : 'failed';
    recordAudit({
      ...base,
      userId: signedIn?.user.id ?? null,
      userEmail: signedIn?.user.email ?? email,
      role: null,
      action: 'auth.sign-in',
      params: null,
      outcome,
      detail: outcome === 'ok' ? null : await messageOf(response),
    });
    if (outcome !== 'ok') log.info({ requestId, ip: origin.ip, status: response.status }, 'sign-in failed');
    return response;
  }
  // Sign-out and account changes: who asked is known only before the session is gone.
  const { principal } = await principalOf(request.headers);
  const response = await getAuth().handler(request);
  const outcome = outcomeOf(response.status);
  recordAudit({
    ...base,
    userId: principal?.userId ?? null,
    userEmail: principal?.email ?? null,
    role: null,
    action: `auth.${path.slice('/api/auth/'.length).replace(/\//g, '.')}`,
    params: null,
    outcome,
    detail: outcome === 'ok' ? null : await messageOf(response),
  });
  return response;
}
