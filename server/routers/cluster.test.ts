import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../trpc';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';
import { sessionHeaders } from '@/testing/test-session';
import { createCaller } from './_app';

let signedIn: ReturnType<typeof createCaller>;

beforeAll(async () => {
  useTemporaryConfig({
    clusters: [
      {
        id: 'prod',
        name: 'Production',
        contactPoints: ['10.0.0.1'],
        localDataCenter: 'dc1',
        credentials: { username: 'ops', password: 'hunter2' },
      },
    ],
  });
  signedIn = createCaller(createContext({ headers: await sessionHeaders() }));
});

const caller = () => signedIn;

describe('cluster router', () => {
  it('lists configured clusters without their secrets', async () => {
    const list = await caller().cluster.list();
    expect(list).toEqual([
      {
        id: 'prod',
        name: 'Production',
        contactPoints: ['10.0.0.1'],
        localDataCenter: 'dc1',
        pollIntervalMs: 5000,
        role: 'admin',
      },
    ]);
    expect(JSON.stringify(list)).not.toContain('hunter2');
  });

  it('answers NOT_FOUND for a cluster that is not configured, naming those that are', async () => {
    const error = await trpcErrorOf(caller().cluster.nodes({ clusterId: 'staging' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('no cluster "staging" is configured (configured: prod)');
  });

  it('rejects a malformed input before touching any cluster', async () => {
    const error = await trpcErrorOf(caller().cluster.nodes({ clusterId: '' }));
    expect(error.code).toBe('BAD_REQUEST');
  });
});
