import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../trpc';
import { createCaller } from './_app';

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-router-'));
  const file = join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      clusters: [
        {
          id: 'prod',
          name: 'Production',
          contactPoints: ['10.0.0.1'],
          localDataCenter: 'dc1',
          credentials: { username: 'ops', password: 'hunter2' },
        },
      ],
      dataDir: dir,
    }),
  );
  process.env.RINGSIDE_CONFIG = file;
});

const caller = () => createCaller(createContext({ headers: new Headers() }));

async function trpcErrorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a TRPCError');
}

describe('cluster router', () => {
  it('lists configured clusters without their secrets', async () => {
    const list = await caller().cluster.list();
    expect(list).toEqual([
      { id: 'prod', name: 'Production', contactPoints: ['10.0.0.1'], localDataCenter: 'dc1', pollIntervalMs: 5000 },
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
