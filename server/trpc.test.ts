import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clusterInput,
  clusterProcedure,
  createCallerFactory,
  createContext,
  createTRPCRouter,
  publicProcedure,
} from './trpc';

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-trpc-'));
  const file = join(dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({ clusters: [{ id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' }], dataDir: dir }),
  );
  process.env.RINGSIDE_CONFIG = file;
});

const router = createTRPCRouter({
  read: publicProcedure.query(() => 'read'),
  change: publicProcedure.mutation(() => 'changed'),
  clusterName: clusterProcedure.input(clusterInput).query(({ ctx }) => ctx.cluster.id),
});
const callerWith = (headers: Record<string, string>) =>
  createCallerFactory(router)(createContext({ headers: new Headers(headers) }));

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a TRPCError');
}

describe('base procedures', () => {
  it('refuses a mutation from another site’s page, and serves the console’s own', async () => {
    const foreign = callerWith({ host: '127.0.0.1:3000', origin: 'http://evil.example' });
    const error = await errorOf(foreign.change());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('evil.example');
    expect(await foreign.read()).toBe('read');
    expect(await callerWith({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }).change()).toBe('changed');
    expect(await callerWith({}).change()).toBe('changed');
  });

  it('resolves the cluster once into ctx, NOT_FOUND naming the configured ones otherwise', async () => {
    expect(await callerWith({}).clusterName({ clusterId: 'prod' })).toBe('prod');
    const error = await errorOf(callerWith({}).clusterName({ clusterId: 'staging' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('prod');
    expect((await errorOf(callerWith({}).clusterName({ clusterId: '' }))).code).toBe('BAD_REQUEST');
  });
});
