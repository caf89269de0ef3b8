import 'server-only';
/**
 * Logins, by better-auth on the console's own store: email and password, no sign-up (an admin adds
 * users), its admin plugin for users, bans and sessions, its rate limiter on the HTTP routes. What
 * a role may do per cluster is the console's own (grants.ts): better-auth's role only marks the
 * console administrators, so that its admin endpoints serve them and nobody else.
 *
 * Its known pitfalls, handled here: `baseURL` is always set (unset, the first request could pick it);
 * the session cookie cache stays off, so a revoked or banned session fails on its next request; the
 * rate limiter is on in every environment (its default is production only); the cookie is Secure
 * exactly when the console is served over https (its default follows NODE_ENV, which breaks sign-in
 * on a plain-http install).
 */
import { betterAuth } from 'better-auth';
import { admin } from 'better-auth/plugins';
import { config, type RingsideConfig } from '../config';
import { processSingleton } from '../process-singleton';
import { getStore } from '../store';
import type { Store } from '../store/database';
import { authSecret } from './auth-secret';

export const MIN_PASSWORD_LENGTH = 12;

/** Where users reach the console; the demo's address unless configured. */
export function consoleBaseURL(cfg: RingsideConfig = config()): string {
  return (cfg.auth.baseURL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}

/** How often a session in use has its idle limit pushed out: once a minute, or a tenth of the limit. */
export function sessionRefreshSeconds(cfg: RingsideConfig): number {
  return Math.max(1, Math.min(60, Math.floor((cfg.auth.sessionIdleMinutes * 60) / 10)));
}

export function createAuth(cfg: RingsideConfig, store: Store) {
  const baseURL = consoleBaseURL(cfg);
  const idleSeconds = cfg.auth.sessionIdleMinutes * 60;
  return betterAuth({
    appName: 'Ringside',
    baseURL,
    basePath: '/api/auth',
    secret: authSecret(cfg.dataDir),
    database: store,
    trustedOrigins: [new URL(baseURL).origin],
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: idleSeconds,
      // Each use pushes the idle limit out, written at most once per refresh interval.
      updateAge: sessionRefreshSeconds(cfg),
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 600,
      customRules: { '/sign-in/email': { window: 60, max: cfg.auth.signInAttemptsPerMinute } },
    },
    advanced: {
      useSecureCookies: baseURL.startsWith('https://'),
      // Next.js fills x-forwarded-for from the socket when the client sent none (docs/security.md).
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    plugins: [
      admin({
        defaultRole: 'user',
        adminRoles: ['admin'],
        // The console's words for better-auth's ban, the same as principal.ts gives a surviving session.
        bannedUserMessage: 'this user is disabled: a console administrator can enable it again',
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The process's one instance, on the process's one store. */
export function getAuth(): Auth {
  return processSingleton('auth', () => createAuth(config(), getStore()));
}
