import { beforeAll, describe, expect, it } from 'vitest';
import {
  clusterInput,
  clusterProcedure,
  createCallerFactory,
  createContext,
  createTRPCRouter,
  publicProcedure,
} from './trpc';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';

beforeAll(() => {
  useTemporaryConfig({ clusters: [{ id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' }] });
});

const router = createTRPCRouter({
  read: publicProcedure.query(() => 'read'),
  change: publicProcedure.mutation(() => 'changed'),
  clusterName: clusterProcedure.input(clusterInput).query(({ ctx }) => ctx.cluster.id),
});
const callerWith = (headers: Record<string, string>) =>
  createCallerFactory(router)(createContext({ headers: new Headers(headers) }));

describe('base procedures', () => {
  it('refuses a mutation from another site’s page, and serves the console’s own', async () => {
    const foreign = callerWith({ host: '127.0.0.1:3000', origin: 'http://evil.example' });
    const error = await trpcErrorOf(foreign.change());
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('evil.example');
    expect(await foreign.read()).toBe('read');
    expect(await callerWith({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }).change()).toBe('changed');
    expect(await callerWith({}).change()).toBe('changed');
  });

  it('resolves the cluster once into ctx, NOT_FOUND naming the configured ones otherwise', async () => {
    expect(await callerWith({}).clusterName({ clusterId: 'prod' })).toBe('prod');
    const error = await trpcErrorOf(callerWith({}).clusterName({ clusterId: 'staging' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('prod');
    expect((await trpcErrorOf(callerWith({}).clusterName({ clusterId: '' }))).code).toBe('BAD_REQUEST');
  });
});
