import { afterEach, describe, expect, it } from 'vitest';
import { SharedPoller } from './shared-poller';

let pollers: SharedPoller<number>[] = [];
afterEach(() => {
  pollers.forEach((p) => p.stop());
  pollers = [];
});

function counting(intervalMs: number) {
  const calls = { count: 0 };
  const poller = new SharedPoller<number>(async () => {
    calls.count++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return calls.count;
  }, intervalMs);
  pollers.push(poller);
  return { poller, calls };
}

describe('SharedPoller', () => {
  it('collects once per interval however many subscribers there are', async () => {
    const { poller, calls } = counting(100);
    const seen: number[][] = Array.from({ length: 100 }, () => []);
    const unsubscribers = seen.map((list) => poller.subscribe((s) => list.push(s.value)));
    await new Promise((resolve) => setTimeout(resolve, 470));
    unsubscribers.forEach((u) => u());
    expect(calls.count).toBeGreaterThanOrEqual(3);
    expect(calls.count).toBeLessThanOrEqual(5);
    expect(seen.every((list) => list.length === calls.count)).toBe(true);
  });

  it('shares one collection among concurrent queries and reuses a fresh snapshot', async () => {
    const { poller, calls } = counting(10_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => poller.fresh()));
    expect(calls.count).toBe(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    await poller.fresh();
    expect(calls.count).toBe(1);
  });

  it('streams the latest snapshot first, skips it when the reader has it, and ends on abort', async () => {
    const { poller } = counting(50);
    const first = await poller.refresh();
    const controller = new AbortController();
    const received: string[] = [];
    const reading = (async () => {
      for await (const snapshot of poller.stream(controller.signal, first.id)) {
        received.push(snapshot.id);
        if (received.length === 2) controller.abort();
      }
    })();
    await reading;
    expect(received).toHaveLength(2);
    expect(received).not.toContain(first.id);
    expect(poller.subscriberCount).toBe(0);
  });
});

describe('SharedPoller failures', () => {
  /** A poller whose next poll fails while `state.failing`; polls are counted, good ones return the count. */
  function flaky() {
    const state = { failing: false, calls: 0 };
    const poller = new SharedPoller<number>(async () => {
      state.calls++;
      if (state.failing) throw new Error(`Jolokia refused (poll ${state.calls})`);
      return state.calls;
    }, 10_000);
    pollers.push(poller);
    return { poller, state };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('keeps the last error with its time and count, streams it on the last good snapshot, and clears it', async () => {
    const { poller, state } = flaky();
    const good = await poller.refresh();
    expect(good.pollError).toBeNull();
    expect(poller.lastError).toBeNull();
    // A subscriber starts the loop, whose first poll runs at once; let it finish before counting.
    const unsubscribe = poller.subscribe(() => undefined);
    await tick();
    const base = poller.current!;
    expect(base.pollError).toBeNull();

    const controller = new AbortController();
    const received: { id: string; value: number; failures: number | null; message: string | null }[] = [];
    const reading = (async () => {
      for await (const s of poller.stream(controller.signal, base.id)) {
        received.push({
          id: s.id,
          value: s.value,
          failures: s.pollError?.consecutiveFailures ?? null,
          message: s.pollError?.message ?? null,
        });
        if (received.length === 3) controller.abort();
      }
    })();

    state.failing = true;
    const before = Date.now();
    await expect(poller.refresh()).rejects.toThrow(`Jolokia refused (poll ${base.value + 1})`);
    expect(poller.lastError).toMatchObject({
      message: `Jolokia refused (poll ${base.value + 1})`,
      consecutiveFailures: 1,
    });
    expect(poller.lastError!.at.getTime()).toBeGreaterThanOrEqual(before);
    await tick();
    await expect(poller.refresh()).rejects.toThrow(`poll ${base.value + 2}`);
    expect(poller.lastError).toMatchObject({ consecutiveFailures: 2 });
    await tick();
    state.failing = false;
    const recovered = await poller.refresh();
    await reading;
    unsubscribe();

    expect(recovered.pollError).toBeNull();
    expect(poller.lastError).toBeNull();
    // The failures reached the reader on the last good value, each under a new id, then the recovery.
    expect(received).toEqual([
      { id: expect.any(String), value: base.value, failures: 1, message: `Jolokia refused (poll ${base.value + 1})` },
      { id: expect.any(String), value: base.value, failures: 2, message: `Jolokia refused (poll ${base.value + 2})` },
      { id: recovered.id, value: base.value + 3, failures: null, message: null },
    ]);
    expect(new Set([base.id, ...received.map((r) => r.id)]).size).toBe(4);
    expect(poller.current).toBe(recovered);
  });

  it('a reader that connects while polls fail gets the error at once, on the last good snapshot', async () => {
    const { poller, state } = flaky();
    const good = await poller.refresh();
    state.failing = true;
    await expect(poller.refresh()).rejects.toThrow();
    const controller = new AbortController();
    let seen = 0;
    for await (const s of poller.stream(controller.signal, good.id)) {
      seen++;
      expect(s.value).toBe(good.value);
      expect(s.takenAt).toEqual(good.takenAt);
      expect(s.pollError).toMatchObject({ consecutiveFailures: 1, message: 'Jolokia refused (poll 2)' });
      controller.abort();
    }
    expect(seen).toBe(1);
  });

  it('before any good poll the failure is kept on the poller (there is no snapshot to stream it on)', async () => {
    const { poller, state } = flaky();
    state.failing = true;
    await expect(poller.refresh()).rejects.toThrow('poll 1');
    expect(poller.current).toBeUndefined();
    expect(poller.lastError).toMatchObject({ consecutiveFailures: 1 });
  });

  it('the polling loop records failures instead of dropping them', async () => {
    let calls = 0;
    const poller = new SharedPoller<number>(async () => {
      calls++;
      throw new Error('no node answered');
    }, 20);
    pollers.push(poller);
    const unsubscribe = poller.subscribe(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 90));
    unsubscribe();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(poller.lastError).toMatchObject({ message: 'no node answered', consecutiveFailures: calls });
  });
});
