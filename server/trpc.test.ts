import { beforeAll, describe, expect, it } from 'vitest';
import {
  adminProcedure,
  clusterInput,
  consoleAdminProcedure,
  createCallerFactory,
  createContext,
  createTRPCRouter,
  operatorProcedure,
  signedInProcedure,
  viewerProcedure,
} from './trpc';
import { getAuth } from './auth/auth';
import { listAudit } from './audit/audit-log';
import { getStore } from './store';
import { sessionHeaders } from '@/testing/test-session';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';

beforeAll(() => {
  useTemporaryConfig({
    clusters: [
      { id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' },
      { id: 'staging', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' },
    ],
    auth: { sessionMaxHours: 1 },
  });
});

const router = createTRPCRouter({
  whoami: signedInProcedure.query(({ ctx }) => ctx.principal.email),
  change: signedInProcedure.mutation(() => 'changed'),
  read: viewerProcedure.input(clusterInput).query(({ ctx }) => `${ctx.cluster.id}:${ctx.role}`),
  operate: operatorProcedure.input(clusterInput).mutation(({ ctx }) => ctx.cluster.id),
  configure: adminProcedure.input(clusterInput).mutation(({ ctx }) => ctx.cluster.id),
  users: consoleAdminProcedure.query(() => 'users'),
});
const callerWith = (headers: Headers) => createCallerFactory(router)(createContext({ headers }));
const withHeaders = (base: Headers, extra: Record<string, string>) => {
  const headers = new Headers(base);
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  return headers;
};

describe('base procedures', () => {
  it('refuses an anonymous caller everywhere, saying to sign in', async () => {
    const anonymous = callerWith(new Headers());
    for (const call of [
      anonymous.whoami(),
      anonymous.read({ clusterId: 'prod' }),
      anonymous.operate({ clusterId: 'prod' }),
      anonymous.users(),
    ]) {
      const error = await trpcErrorOf(call);
      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.message).toContain('sign in');
    }
    // A made-up cookie is no session.
    const forged = await trpcErrorOf(callerWith(new Headers({ cookie: 'better-auth.session_token=abc.def' })).whoami());
    expect(forged.code).toBe('UNAUTHORIZED');
  });

  it('checks the role on the procedure’s own cluster, and a grant for every cluster counts on each', async () => {
    const viewer = callerWith(await sessionHeaders([{ cluster: 'prod', role: 'viewer' }]));
    expect(await viewer.read({ clusterId: 'prod' })).toBe('prod:viewer');
    const tooLow = await trpcErrorOf(viewer.operate({ clusterId: 'prod' }));
    expect(tooLow.code).toBe('FORBIDDEN');
    expect(tooLow.message).toBe('this needs the operator role on cluster "prod"; you are a viewer there');
    const elsewhere = await trpcErrorOf(viewer.read({ clusterId: 'staging' }));
    expect(elsewhere.message).toBe('you hold no role on cluster "staging": an administrator can grant one');
    // An unknown cluster tells an outsider nothing more than a cluster they may not see.
    expect((await trpcErrorOf(viewer.read({ clusterId: 'secret' }))).code).toBe('FORBIDDEN');

    const mixed = callerWith(
      await sessionHeaders([
        { cluster: '*', role: 'viewer' },
        { cluster: 'staging', role: 'admin' },
      ]),
    );
    expect(await mixed.read({ clusterId: 'prod' })).toBe('prod:viewer');
    expect(await mixed.configure({ clusterId: 'staging' })).toBe('staging');
    expect((await trpcErrorOf(mixed.configure({ clusterId: 'prod' }))).code).toBe('FORBIDDEN');
    expect((await trpcErrorOf(mixed.users())).message).toContain('admin role on every cluster');

    const admin = callerWith(await sessionHeaders());
    expect(await admin.users()).toBe('users');
    const unknown = await trpcErrorOf(admin.read({ clusterId: 'nope' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('prod, staging');
    expect((await trpcErrorOf(admin.read({ clusterId: '' }))).code).toBe('BAD_REQUEST');
  });

  it('refuses a mutation from another site’s page even with a valid session, and audits it', async () => {
    const headers = await sessionHeaders([{ cluster: 'prod', role: 'operator' }], 'csrf');
    const foreign = callerWith(withHeaders(headers, { host: '127.0.0.1:3000', origin: 'http://evil.example' }));
    const error = await trpcErrorOf(foreign.operate({ clusterId: 'prod' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('evil.example');
    expect(
      await callerWith(withHeaders(headers, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' })).operate({
        clusterId: 'prod',
      }),
    ).toBe('prod');
    const [refused] = listAudit({ user: 'csrf.', outcome: 'refused' });
    expect(refused).toMatchObject({ action: 'operate', cluster: 'prod', role: 'operator' });
    expect(refused?.detail).toContain('evil.example');
    const [ran] = listAudit({ user: 'csrf.', outcome: 'ok' });
    expect(ran).toMatchObject({ action: 'operate', cluster: 'prod' });
  });

  it('ends a session when revoked, and at the absolute limit however recently it was used', async () => {
    const headers = await sessionHeaders([{ cluster: 'prod', role: 'viewer' }], 'revoked');
    expect(await callerWith(headers).whoami()).toBe('revoked.viewer-prod@ringside.test');
    const ctx = await getAuth().$context;
    const user = await ctx.internalAdapter.findUserByEmail('revoked.viewer-prod@ringside.test');
    await ctx.internalAdapter.deleteUserSessions(user!.user.id);
    expect((await trpcErrorOf(callerWith(headers).whoami())).code).toBe('UNAUTHORIZED');

    const old = await sessionHeaders([{ cluster: 'prod', role: 'viewer' }], 'old');
    expect(await callerWith(old).whoami()).toContain('old.');
    // Signed in two hours ago (the limit here is one), though used a moment ago.
    getStore()
      .prepare('UPDATE session SET "createdAt" = ? WHERE "userId" = (SELECT id FROM "user" WHERE email = ?)')
      .run(new Date(Date.now() - 2 * 3_600_000).toISOString(), 'old.viewer-prod@ringside.test');
    const expired = await trpcErrorOf(callerWith(old).whoami());
    expect(expired.code).toBe('UNAUTHORIZED');
    expect(expired.message).toBe('sign in again: sessions end 1 hours after sign-in');
  });
});
