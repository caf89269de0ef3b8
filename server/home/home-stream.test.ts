import { describe, expect, it } from 'vitest';
import { recordedSnapshot } from '@/testing/recorded-snapshot';
import { SharedPoller, type Versioned } from '../live/shared-poller';
import type { ClusterSnapshot } from '../nodes/snapshot';
import { homeStream, type Followed, type HomeMessage, type HomeSources } from './home-stream';
import { SparkHistory } from './sparklines';

class Source<T> implements Followed<T> {
  current: T | undefined;
  readonly listeners = new Set<(value: T) => void>();
  emit(value: T): void {
    this.current = value;
    for (const listener of this.listeners) listener(value);
  }
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

let sequence = 0;
const versioned = (value: ClusterSnapshot, takenAt = Date.now()): Versioned<ClusterSnapshot> => ({
  id: `t.${++sequence}`,
  takenAt: new Date(takenAt),
  value,
  pollError: null,
});

const ids = ['a', 'b', 'c'];
const clusters = ids.map((id) => ({ id, name: `Cluster ${id}` }));
let topology: Map<string, Source<Versioned<ClusterSnapshot>>>;
let sparks: Map<string, SparkHistory>;

function sources(): HomeSources {
  topology = new Map(ids.map((id) => [id, new Source<Versioned<ClusterSnapshot>>()]));
  sparks = new Map(ids.map((id) => [id, new SparkHistory(id !== 'c')]));
  for (const id of ids) topology.get(id)!.current = versioned(recordedSnapshot('three-up', id));
  return { topology: (id) => topology.get(id)!, alerts: () => null, sparks: (id) => sparks.get(id)! };
}

/** Reads the stream into a list as messages come. */
function reader(stream: AsyncGenerator<HomeMessage>) {
  const messages: { at: number; message: HomeMessage }[] = [];
  const done = (async () => {
    for await (const message of stream) messages.push({ at: Date.now(), message });
  })();
  return { messages, done };
}

const until = async (condition: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('homeStream', () => {
  it('sends every cluster first, then only the one whose snapshot changed', async () => {
    const abort = new AbortController();
    const { messages, done } = reader(
      homeStream(clusters, sources(), abort.signal, { minIntervalMs: 20, refreshMs: 60_000 }),
    );
    await until(() => messages.length === 1);
    const first = messages[0]!.message;
    expect(first.full).toBe(true);
    expect(first.summaries.map((s) => [s.id, s.up, s.total])).toEqual([
      ['a', 3, 3],
      ['b', 3, 3],
      ['c', 3, 3],
    ]);
    expect(first.sparks.map((s) => [s.id, s.enabled, s.points.length])).toEqual([
      ['a', true, 0],
      ['b', true, 0],
      ['c', false, 0],
    ]);

    topology.get('b')!.emit(versioned(recordedSnapshot('node3-killed', 'b')));
    await until(() => messages.length === 2);
    expect(messages[1]!.message.full).toBe(false);
    expect(messages[1]!.message.summaries.map((s) => [s.id, s.up, s.down])).toEqual([['b', 2, ['127.0.0.3']]]);
    expect(messages[1]!.message.sparks).toEqual([]);

    sparks.get('a')!.add({ at: 1000, reads: 5, writes: 7, readP99: 300, writeP99: 200 });
    await until(() => messages.length === 3);
    expect(messages[2]!.message.summaries).toEqual([]);
    expect(messages[2]!.message.sparks).toEqual([
      { id: 'a', enabled: true, points: [{ at: 1000, reads: 5, writes: 7, readP99: 300, writeP99: 200 }] },
    ]);
    abort.abort();
    await done;
  });

  it('coalesces a burst of changes into one message per interval, and skips snapshots saying nothing new', async () => {
    const abort = new AbortController();
    const { messages, done } = reader(
      homeStream(clusters, sources(), abort.signal, { minIntervalMs: 150, refreshMs: 60_000 }),
    );
    await until(() => messages.length === 1);
    // The same content polled again: nothing to send.
    for (const id of ids) topology.get(id)!.emit(versioned(recordedSnapshot('three-up', id)));
    await pause(250);
    expect(messages).toHaveLength(1);
    // Thirty changes across all clusters within a few milliseconds: one message, each cluster once, as it ends.
    for (let i = 0; i < 10; i++)
      for (const id of ids)
        topology.get(id)!.emit(versioned(recordedSnapshot(i % 2 ? 'node3-killed' : 'three-up', id)));
    await until(() => messages.length === 2);
    await pause(300);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.message.summaries.map((s) => [s.id, s.up])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 2],
    ]);
    abort.abort();
    await done;
  });

  it('sends at most one message per interval while clusters keep changing', async () => {
    const abort = new AbortController();
    const { messages, done } = reader(
      homeStream(clusters, sources(), abort.signal, { minIntervalMs: 100, refreshMs: 60_000 }),
    );
    await until(() => messages.length === 1);
    const started = Date.now();
    let flip = false;
    while (Date.now() - started < 650) {
      flip = !flip;
      for (const id of ids) topology.get(id)!.emit(versioned(recordedSnapshot(flip ? 'node3-killed' : 'three-up', id)));
      await pause(10);
    }
    abort.abort();
    await done;
    const gaps = messages.slice(1).map((m, i) => m.at - messages[i]!.at);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(messages.length).toBeLessThanOrEqual(9);
    expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(95);
    // Every message is about the clusters that changed: all three at once.
    for (const m of messages.slice(1)) expect(m.message.summaries.map((s) => s.id).sort()).toEqual(ids);
  });

  it('re-sends an unchanged summary after refreshMs so a card knows how old its figures are', async () => {
    const abort = new AbortController();
    const { messages, done } = reader(
      homeStream(clusters, sources(), abort.signal, { minIntervalMs: 10, refreshMs: 200 }),
    );
    await until(() => messages.length === 1);
    const takenBefore = messages[0]!.message.summaries[0]!.takenAt!;
    await pause(220);
    topology.get('a')!.emit(versioned(recordedSnapshot('three-up', 'a')));
    await until(() => messages.length === 2, 1000);
    expect(messages[1]!.message.summaries.map((s) => s.id)).toEqual(['a']);
    expect(messages[1]!.message.summaries[0]!.takenAt).toBeGreaterThan(takenBefore);
    abort.abort();
    await done;
  });

  it('lets go of every source when the reader leaves', async () => {
    const abort = new AbortController();
    const { messages, done } = reader(homeStream(clusters, sources(), abort.signal));
    await until(() => messages.length === 1);
    expect([...topology.values()].map((t) => t.listeners.size)).toEqual([1, 1, 1]);
    abort.abort();
    await done;
    expect([...topology.values()].map((t) => t.listeners.size)).toEqual([0, 0, 0]);
  });

  it('polls each cluster as often with twenty readers as with one: they share the pollers', async () => {
    async function pollsWith(readers: number): Promise<number> {
      let polls = 0;
      const poller = new SharedPoller<ClusterSnapshot>(async () => {
        polls++;
        return recordedSnapshot('three-up', 'a');
      }, 50);
      const shared: HomeSources = {
        topology: () => poller,
        alerts: () => null,
        sparks: () => new SparkHistory(false),
      };
      const aborts = Array.from({ length: readers }, () => new AbortController());
      const running = aborts.map((abort) =>
        reader(homeStream([clusters[0]!], shared, abort.signal, { minIntervalMs: 10, refreshMs: 60_000 })),
      );
      await until(() => running.every((r) => r.messages.length >= 1));
      await pause(500);
      for (const abort of aborts) abort.abort();
      await Promise.all(running.map((r) => r.done));
      poller.stop();
      return polls;
    }
    const one = await pollsWith(1);
    const twenty = await pollsWith(20);
    expect(one).toBeGreaterThanOrEqual(8);
    expect(twenty).toBeLessThanOrEqual(one + 2);
  });
});
