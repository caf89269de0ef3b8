import 'server-only';
/**
 * A push source (subscribe → unsubscribe) as an async stream for a tRPC subscription: starts with
 * `initial` if given, keeps at most `buffer` unread events (a slow reader skips to the newest), and
 * ends, unsubscribing, when `signal` aborts.
 */
export async function* eventStream<T>(
  subscribe: (push: (event: T) => void) => () => void,
  signal: AbortSignal | undefined,
  options: { initial?: T; buffer: number },
): AsyncGenerator<T> {
  const queue: T[] = options.initial === undefined ? [] : [options.initial];
  let wake: (() => void) | undefined;
  const unsubscribe = subscribe((event) => {
    queue.push(event);
    if (queue.length > options.buffer) queue.shift();
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    while (!signal?.aborted) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      if (signal?.aborted) break;
      const next = queue.shift();
      if (next !== undefined) yield next;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
