import { getMigrations } from 'better-auth/db/migration';
import { beforeAll, describe, expect, it } from 'vitest';
import { redactParams } from '../audit/audit-log';
import { useTemporaryConfig } from '@/testing/unit-config';
import { getAuth } from './auth';

beforeAll(() => {
  useTemporaryConfig({ clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1' }] });
});

describe('logins on the console store', () => {
  it('has every table and column better-auth expects (a library upgrade that needs more fails here, not in production)', async () => {
    const { toBeCreated, toBeAdded } = await getMigrations(getAuth().options);
    expect(toBeCreated.map((t) => t.table)).toEqual([]);
    expect(toBeAdded.map((t) => `${t.table}: ${Object.keys(t.fields).join(', ')}`)).toEqual([]);
  });

  it('keeps the cookie cache off and sign-up closed', () => {
    const { options } = getAuth();
    expect(options.session?.cookieCache?.enabled).toBe(false);
    expect(options.emailAndPassword?.disableSignUp).toBe(true);
    expect(options.rateLimit?.enabled).toBe(true);
    expect(options.baseURL).toBe('http://127.0.0.1:3000');
  });
});

describe('audit parameters', () => {
  it('blanks secret-named fields and masks passwords in statements', () => {
    expect(
      redactParams({
        statement: "CREATE ROLE ops WITH PASSWORD = 'hunter2' AND LOGIN = true",
        credentials: { username: 'u', password: 'p' },
        newPassword: 'x',
        nested: [{ token: 't', keyspace: 'ks' }],
      }),
    ).toEqual({
      statement: "CREATE ROLE ops WITH PASSWORD = '*****' AND LOGIN = true",
      credentials: '[redacted]',
      newPassword: '[redacted]',
      nested: [{ token: '[redacted]', keyspace: 'ks' }],
    });
  });
});
