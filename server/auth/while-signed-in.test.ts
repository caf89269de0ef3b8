import { describe, expect, it, vi } from 'vitest';
import { whileSignedIn } from './while-signed-in';

/** A stream that yields a value every `ms` until stopped, as a live subscription does. */
async function* ticking(ms: number, stopped: { value: boolean }) {
  let i = 0;
  try {
    while (true) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      yield i++;
    }
  } finally {
    stopped.value = true;
  }
}

async function* silent(stopped: { value: boolean }): AsyncGenerator<number> {
  try {
    await new Promise(() => undefined);
    yield 0;
  } finally {
    stopped.value = true;
  }
}

describe('whileSignedIn', () => {
  it('passes every message through while the session holds', async () => {
    const stopped = { value: false };
    const seen: number[] = [];
    for await (const value of whileSignedIn(ticking(5, stopped), async () => null, 10)) {
      seen.push(value);
      if (seen.length === 5) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    await vi.waitFor(() => expect(stopped.value).toBe(true));
  });

  it('ends a busy stream with the reason once the session is gone, and stops its source', async () => {
    const stopped = { value: false };
    let signedIn = true;
    const seen: number[] = [];
    const reading = (async () => {
      for await (const value of whileSignedIn(
        ticking(5, stopped),
        async () => (signedIn ? null : 'session revoked'),
        20,
      ))
        seen.push(value);
    })();
    await new Promise((resolve) => setTimeout(resolve, 60));
    signedIn = false;
    await expect(reading).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'session revoked' });
    expect(seen.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(stopped.value).toBe(true));
  });

  it('ends a stream with nothing to send too: the check does not wait for a message', async () => {
    const stopped = { value: false };
    const started = Date.now();
    const reading = (async () => {
      for await (const _ of whileSignedIn(silent(stopped), async () => 'session expired', 20)) void _;
    })();
    await expect(reading).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'session expired' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
