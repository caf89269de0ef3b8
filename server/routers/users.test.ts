/**
 * The users router's refusals: better-auth's own (an email taken) as the client errors they are,
 * an unknown user as NOT_FOUND, and the audit entry naming the user changed by email.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionHeaders } from '@/testing/test-session';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';
import { listAudit } from '../audit/audit-log';
import { createContext } from '../trpc';
import { createCaller } from './_app';

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } }],
  });
});

const admin = async () =>
  createCaller(createContext({ headers: await sessionHeaders([{ cluster: '*', role: 'admin' }], 'users') }));

describe('users', () => {
  it('refuses an email already taken as a bad request, with better-auth’s reason', async () => {
    const api = await admin();
    await api.users.add({ email: 'twice@ringside.test', name: 'Twice', grants: [{ cluster: 'prod', role: 'viewer' }] });
    const error = await trpcErrorOf(
      api.users.add({ email: 'twice@ringside.test', name: 'Twice', grants: [{ cluster: 'prod', role: 'viewer' }] }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/already exists/i);
  });

  it('refuses a malformed input over HTTP naming the field in words, not as a JSON dump', async () => {
    const { POST } = await import('@/app/api/trpc/[trpc]/route');
    const headers = await sessionHeaders([{ cluster: '*', role: 'admin' }], 'users');
    headers.set('content-type', 'application/json');
    const response = await POST(
      new Request('http://127.0.0.1:3000/api/trpc/users.add', {
        method: 'POST',
        headers,
        body: JSON.stringify({ json: { email: 'not-an-email', name: 'X', grants: [] } }),
      }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { json: { message: string; data: { zodError: string[] } } } };
    expect(error.json.message).toContain('→ at email');
    expect(error.json.message).not.toContain('"code"');
    expect(error.json.data.zodError).toEqual([expect.stringMatching(/^email: /)]);
  });

  it('says there is no such user rather than failing on the store', async () => {
    const api = await admin();
    for (const call of [
      () => api.users.setGrants({ userId: 'nobody', grants: [{ cluster: 'prod', role: 'viewer' }] }),
      () => api.users.setGrants({ userId: 'nobody', grants: [] }),
      () => api.users.resetPassword({ userId: 'nobody' }),
      () => api.users.setDisabled({ userId: 'nobody', disabled: true }),
    ]) {
      const error = await trpcErrorOf(call());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('no user nobody');
    }
  });

  it('names the changed user by email in the audit log', async () => {
    const api = await admin();
    const { userId } = await api.users.add({
      email: 'named@ringside.test',
      name: 'Named',
      grants: [{ cluster: 'prod', role: 'viewer' }],
    });
    await api.users.setGrants({ userId, grants: [{ cluster: 'prod', role: 'operator' }] });
    expect(listAudit({ action: 'users.setGrants' })[0]).toMatchObject({
      target: 'user named@ringside.test',
      outcome: 'ok',
    });
  });
});
