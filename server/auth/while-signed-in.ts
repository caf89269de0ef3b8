/**
 * A live stream that ends when its session does. A subscription is authorised once, when it opens;
 * the home and cluster streams then stay open for hours, so a session that expires, is revoked or
 * whose user is disabled went on receiving the cluster's state. Every `everyMs` (and never between two
 * messages only) the session is looked up again; once it is gone the stream ends with the reason.
 */
import { TRPCError } from '@trpc/server';

/** How often an open stream's session is looked up again: a revoked session stops streaming within this. */
export const SESSION_RECHECK_MS = 15_000;

const TICK = Symbol('recheck');

/** `whyEnded` answers null while the session holds, else why it does not (shown to the user). */
export async function* whileSignedIn<T>(
  source: AsyncIterable<T>,
  whyEnded: () => Promise<string | null>,
  everyMs = SESSION_RECHECK_MS,
): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let due = Date.now() + everyMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    while (true) {
      const next = iterator.next();
      let result: IteratorResult<T> | typeof TICK;
      while (true) {
        const tick = new Promise<typeof TICK>((resolve) => {
          timer = setTimeout(() => resolve(TICK), Math.max(0, due - Date.now()));
        });
        result = await Promise.race([next, tick]);
        clearTimeout(timer);
        if (result !== TICK) break;
        const why = await whyEnded();
        if (why) throw new TRPCError({ code: 'UNAUTHORIZED', message: why });
        due = Date.now() + everyMs;
      }
      if (result.done) return;
      yield result.value;
    }
  } finally {
    clearTimeout(timer);
    // Not awaited: a source waiting for its next change finishes its return() only when it wakes (or
    // when the request's signal aborts as the response closes); the reason must reach the user now.
    iterator.return?.()?.catch(() => undefined);
  }
}
