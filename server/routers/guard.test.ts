/**
 * Every procedure of the root router and every plain route refuses whoever lacks what it needs: an
 * anonymous caller, a role too low, a role granted only on another cluster. The lists are read from
 * the router and from app/api itself, so a procedure or a route added later is checked without
 * anyone remembering to: one that declares no access fails here.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Grant, Role } from '@/lib/roles';
import { sessionHeaders } from '@/testing/test-session';
import { useTemporaryConfig } from '@/testing/unit-config';
import { createContext, type Access } from '../trpc';
import { appRouter, createCaller } from './_app';

beforeAll(() => {
  // Nothing listens here: a guard that let a call through would fail it some other way, not hang.
  useTemporaryConfig({
    clusters: [
      { id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } },
      { id: 'staging', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } },
    ],
  });
});

interface ProcedureDef {
  type: 'query' | 'mutation' | 'subscription';
  meta?: { access?: Access };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>).map(
  ([path, procedure]) => ({ path, type: procedure._def.type, access: procedure._def.meta?.access }),
);

type Callable = (input: unknown) => Promise<unknown>;
function call(caller: unknown, path: string): Callable {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;
}

async function codeOf(caller: unknown, path: string): Promise<string> {
  try {
    const result = await call(caller, path)({ clusterId: 'prod' });
    // A subscription that got past its guards hands back its stream: close it.
    await (result as AsyncIterable<unknown> & { return?: () => Promise<unknown> })
      ?.[Symbol.asyncIterator]?.()
      .return?.();
    return 'passed';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `non-tRPC error: ${(error as Error).message}`;
  }
}

const callerOf = async (grants: Grant[] | null) =>
  createCaller(createContext({ headers: grants === null ? new Headers() : await sessionHeaders(grants, 'guard') }));

/** Who must be refused, for each kind of access. */
function refusedCallers(access: Access): { who: string; grants: Grant[] | null; code: string }[] {
  const anonymous = { who: 'anonymous', grants: null, code: 'UNAUTHORIZED' };
  if (access === 'signed-in') return [anonymous];
  if (access === 'console-admin')
    return [
      anonymous,
      { who: 'admin of one cluster only', grants: [{ cluster: 'prod', role: 'admin' }], code: 'FORBIDDEN' },
    ];
  const below: Record<Role, Role | null> = { viewer: null, operator: 'viewer', admin: 'operator' };
  const lower = below[access];
  return [
    anonymous,
    { who: `${access} of another cluster only`, grants: [{ cluster: 'staging', role: 'admin' }], code: 'FORBIDDEN' },
    ...(lower
      ? [
          {
            who: `${lower} of this cluster`,
            grants: [
              { cluster: 'prod', role: lower },
              { cluster: 'staging', role: 'admin' as Role },
            ],
            code: 'FORBIDDEN',
          },
        ]
      : []),
  ];
}

describe('every tRPC procedure is guarded', () => {
  it('finds the procedures (queries, mutations and subscriptions)', () => {
    expect(procedures.length).toBeGreaterThan(30);
    expect(new Set(procedures.map((p) => p.type))).toEqual(new Set(['query', 'mutation', 'subscription']));
  });

  it('declares what each procedure needs', () => {
    expect(procedures.filter((p) => p.access === undefined).map((p) => p.path)).toEqual([]);
  });

  it('refuses, on every procedure, the callers that lack it', async () => {
    const callers = new Map<string, Awaited<ReturnType<typeof callerOf>>>();
    const failures: string[] = [];
    for (const procedure of procedures) {
      for (const refused of refusedCallers(procedure.access!)) {
        const key = JSON.stringify(refused.grants);
        if (!callers.has(key)) callers.set(key, await callerOf(refused.grants));
        const code = await codeOf(callers.get(key), procedure.path);
        if (code !== refused.code)
          failures.push(
            `${procedure.path} (${procedure.type}, needs ${procedure.access}): ${refused.who} got ${code}, not ${refused.code}`,
          );
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

// ---- plain routes ----

const API_DIR = fileURLToPath(new URL('../../app/api', import.meta.url));
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [relative(API_DIR, dir)] : [];
  });
}

type Handler = (request: Request) => Promise<Response> | Response;
const load = async (route: string) =>
  (await import(/* @vite-ignore */ join(API_DIR, route, 'route.ts'))) as Record<string, Handler>;

/** How to ask each route something it guards; `open` routes are the login's and the liveness check's. */
const ROUTES: Record<
  string,
  { open: true } | { method: 'GET' | 'POST'; url: string; body?: unknown; otherCluster?: true }
> = {
  health: { open: true },
  'auth/[...all]': { open: true },
  trpc: {
    method: 'POST',
    url: 'http://127.0.0.1:3000/api/trpc/query.run',
    body: { json: { clusterId: 'prod', statement: 'SELECT 1', runId: 'r' } },
    otherCluster: true,
  },
  export: {
    method: 'POST',
    url: 'http://127.0.0.1:3000/api/export',
    body: { clusterId: 'prod', statement: 'SELECT * FROM system.local', format: 'csv' },
    otherCluster: true,
  },
  import: {
    method: 'POST',
    url: 'http://127.0.0.1:3000/api/import?clusterId=prod&keyspace=ks&table=t',
    body: 'k,v',
    otherCluster: true,
  },
  metrics: { method: 'GET', url: 'http://127.0.0.1:3000/api/metrics' },
  audit: { method: 'GET', url: 'http://127.0.0.1:3000/api/audit' },
};

describe('every plain route is guarded', () => {
  it('knows every route under app/api', () => {
    expect(routeFiles(API_DIR).sort()).toEqual(
      Object.keys(ROUTES)
        .map((r) => (r === 'trpc' ? 'trpc/[trpc]' : r))
        .sort(),
    );
  });

  it('refuses an anonymous request on each guarded route, and a user of another cluster where a cluster is named', async () => {
    const other = await sessionHeaders([{ cluster: 'staging', role: 'admin' }], 'guard-route');
    for (const [route, how] of Object.entries(ROUTES)) {
      if ('open' in how) continue;
      const handlers = await load(route === 'trpc' ? 'trpc/[trpc]' : route);
      const handler = handlers[how.method];
      expect(handler, `${route} ${how.method}`).toBeDefined();
      const request = (headers: Headers) =>
        new Request(how.url, {
          method: how.method,
          headers: { ...Object.fromEntries(headers), ...(how.body ? { 'content-type': 'application/json' } : {}) },
          body: how.body ? JSON.stringify(how.body) : undefined,
        });
      const anonymous = await handler!(request(new Headers()));
      expect(anonymous.status, `${route}: anonymous`).toBe(401);
      if (how.otherCluster) expect((await handler!(request(other))).status, `${route}: other cluster`).toBe(403);
    }
  });
});
