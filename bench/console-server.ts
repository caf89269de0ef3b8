/**
 * A production console for benchmarks: the built app started with `next start` on a port of its
 * own (or the one RINGSIDE_BENCH_URL names), and a tRPC client that speaks to it over HTTP and SSE
 * as a browser does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import type { AppRouter } from '@/server/routers/_app';

export interface ConsoleServer {
  url: string;
  stop: () => void;
  /** The server's process group, to measure its memory; null when RINGSIDE_BENCH_URL points elsewhere. */
  pgid: number | null;
}

export async function startConsole(port = 3290, config = 'ringside.config.json'): Promise<ConsoleServer> {
  if (process.env.RINGSIDE_BENCH_URL) return { url: process.env.RINGSIDE_BENCH_URL, stop: () => undefined, pgid: null };
  if (!existsSync('.next/BUILD_ID')) throw new Error('the console is not built: run `npx next build` first');
  const child: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    // Sign-ins are accepted only from the address the console is told it is served at.
    env: { ...process.env, RINGSIDE_CONFIG: config, RINGSIDE_BASE_URL: `http://127.0.0.1:${port}` },
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, stop: () => child.pid && process.kill(-child.pid, 'SIGTERM'), pgid: child.pid ?? null };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
  throw new Error(`the console did not answer on ${url} within 60 s`);
}

/**
 * A tRPC client signed in as a console administrator of the console at `url`, as a browser is: the
 * bench's own user is created (or reset) in the store of `config` — the one the console runs on — and
 * signed in through the login route; its session cookie goes with every request and every SSE stream.
 */
export async function consoleClient(url: string, config = 'ringside.config.json'): Promise<TRPCClient<AppRouter>> {
  const cookie = await benchSession(url, config);
  const withCookie: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), cookie } });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/api/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: { fetch: withCookie },
        }),
        false: httpBatchLink({ url: `${url}/api/trpc`, transformer: superjson, headers: { cookie } }),
      }),
    ],
  });
}

/** The Cookie header of a fresh session for the bench's own administrator. */
export async function benchSession(url: string, config: string): Promise<string> {
  process.env.RINGSIDE_CONFIG = config;
  const { generatePassword, seedUser } = await import('@/server/auth/users');
  const email = 'bench@ringside.local';
  const password = generatePassword();
  await seedUser({
    email,
    name: 'Benchmarks',
    password,
    grants: [{ cluster: '*', role: 'admin' }],
    resetIfPresent: true,
  });
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`the bench could not sign in: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error('signing in set no cookie');
  return cookie;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid];
  const lower = sorted[mid - 1];
  if (upper === undefined) throw new Error('median of no values: the benchmark measured nothing');
  if (sorted.length % 2 || lower === undefined) return upper;
  return (lower + upper) / 2;
}
