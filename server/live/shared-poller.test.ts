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
