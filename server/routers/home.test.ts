/**
 * home.live through the router: the clusters a caller holds a role on, and no others, each from the
 * cluster's one shared poller however many pages subscribe.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { recordedSnapshot } from '@/testing/recorded-snapshot';
import { sessionHeaders } from '@/testing/test-session';
import { useTemporaryConfig } from '@/testing/unit-config';
import { SharedPoller } from '../live/shared-poller';
import type { HomeMessage } from '../home/home-stream';
import type { ClusterSnapshot } from '../nodes/snapshot';
import { getAuth } from '../auth/auth';
import type * as WhileSignedIn from '../auth/while-signed-in';
import { createContext } from '../trpc';
import { createCaller } from './_app';

// The topology pollers answer from recordings of the real cluster instead of polling one.
const polls = vi.hoisted(() => new Map<string, number>());
vi.mock('../nodes/live', () => {
  const pollers = new Map<string, SharedPoller<ClusterSnapshot>>();
  return {
    clusterPoller(id: string) {
      let poller = pollers.get(id);
      if (!poller) {
        poller = new SharedPoller<ClusterSnapshot>(async () => {
          polls.set(id, (polls.get(id) ?? 0) + 1);
          return recordedSnapshot(id === 'staging' ? 'node3-killed' : 'three-up', id);
        }, 100);
        pollers.set(id, poller);
      }
      return poller;
    },
  };
});

// Sessions are looked up again every 50 ms here instead of every 15 s, so a test sees the stream end.
vi.mock('../auth/while-signed-in', async (original) => {
  const actual = await original<typeof WhileSignedIn>();
  return {
    ...actual,
    whileSignedIn: <T>(source: AsyncIterable<T>, whyEnded: () => Promise<string | null>) =>
      actual.whileSignedIn(source, whyEnded, 50),
  };
});

beforeAll(() => {
  useTemporaryConfig({
    clusters: ['prod', 'staging', 'lab'].map((id) => ({
      id,
      name: id === 'prod' ? 'Production' : undefined,
      contactPoints: ['127.0.0.254'],
      localDataCenter: 'dc1',
      metrics: { enabled: false },
    })),
  });
});

/** A subscription as a page holds one; `close()` is the page going away (the request's signal aborts). */
async function subscribe(grants: Parameters<typeof sessionHeaders>[0] | Headers, name = 'home') {
  const abort = new AbortController();
  const headers = grants instanceof Headers ? grants : await sessionHeaders(grants, name);
  const caller = createCaller(createContext({ headers }), { signal: abort.signal });
  const stream = (await caller.home.live()) as AsyncIterable<HomeMessage>;
  const iterator = stream[Symbol.asyncIterator]();
  return {
    next: async () => (await iterator.next()).value as HomeMessage,
    close: async () => {
      abort.abort();
      await iterator.return?.(undefined);
    },
  };
}

describe('home.live', () => {
  it('streams the clusters the caller holds a role on, and only those', async () => {
    const viewer = await subscribe(
      [
        { cluster: 'prod', role: 'viewer' },
        { cluster: 'staging', role: 'operator' },
      ],
      'home-viewer',
    );
    const first = await viewer.next();
    expect(first.full).toBe(true);
    expect(first.summaries.map((s) => [s.id, s.name])).toEqual([
      ['prod', 'Production'],
      ['staging', 'staging'],
    ]);
    expect(first.sparks).toEqual([
      { id: 'prod', enabled: false, points: [] },
      { id: 'staging', enabled: false, points: [] },
    ]);
    // The pollers had no snapshot yet: the next message brings the first polls.
    let summaries = new Map(first.summaries.map((s) => [s.id, s]));
    while ([...summaries.values()].some((s) => s.takenAt === null)) {
      const next = await viewer.next();
      for (const s of next.summaries) summaries.set(s.id, s);
    }
    expect(summaries.get('prod')).toMatchObject({ up: 3, total: 3, downCount: 0 });
    expect(summaries.get('staging')).toMatchObject({ up: 2, total: 3, down: ['127.0.0.3'] });
    await viewer.close();

    const everywhere = await subscribe([{ cluster: '*', role: 'viewer' }], 'home-all');
    summaries = new Map((await everywhere.next()).summaries.map((s) => [s.id, s]));
    expect([...summaries.keys()]).toEqual(['prod', 'staging', 'lab']);
    await everywhere.close();

    const nobody = await subscribe([], 'home-none');
    expect((await nobody.next()).summaries).toEqual([]);
    await nobody.close();
  });

  it('ten subscribers poll each cluster no more often than one does', async () => {
    const headers = await sessionHeaders([{ cluster: 'lab', role: 'viewer' }], 'lab');
    async function pollsOver(subscribers: number): Promise<number> {
      const streams = await Promise.all(Array.from({ length: subscribers }, () => subscribe(headers)));
      await Promise.all(streams.map((s) => s.next()));
      const before = polls.get('lab') ?? 0;
      await new Promise((r) => setTimeout(r, 1000));
      const during = (polls.get('lab') ?? 0) - before;
      await Promise.all(streams.map((s) => s.close()));
      return during;
    }
    const one = await pollsOver(1);
    const ten = await pollsOver(10);
    expect(one).toBeGreaterThanOrEqual(7);
    expect(ten).toBeLessThanOrEqual(one + 2);
  }, 15_000);

  it('ends the stream, saying why, once its session is signed out', async () => {
    const headers = await sessionHeaders([{ cluster: 'lab', role: 'viewer' }], 'signed-out');
    const page = await subscribe(headers);
    expect((await page.next()).full).toBe(true);
    await getAuth().api.signOut({ headers });
    await expect(
      (async () => {
        while (true) await page.next();
      })(),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/session has ended/) });
    await page.close();
  }, 15_000);
});
