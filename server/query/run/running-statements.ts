import 'server-only';
/**
 * Workbench statements in flight, by the run id the browser chose, so a Cancel from the browser can
 * stop the wait. Runs are kept per user: one user's run id never reaches another's run. A run is registered before its first step (keyspace check, connect, prepare), so a
 * Cancel that arrives during any of them counts. The driver cannot withdraw a request once sent:
 * cancelling frees the user at once and discards the answer; Cassandra may still complete it.
 */
import { processSingleton } from '../../process-singleton';

const running = processSingleton('workbench-running', () => new Map<string, AbortController>());

export class CancelledError extends Error {
  constructor() {
    super(
      'cancelled: the console stopped waiting and discarded the answer; Cassandra may still complete the statement',
    );
  }
}

export interface Run {
  /** Waits for `work` unless the run is cancelled first (or the browser went away). */
  race<T>(work: Promise<T>): Promise<T>;
  end(): void;
}

const keyOf = (ownerId: string, runId: string) => `${ownerId}\u0000${runId}`;

export function beginRun(ownerId: string, runId: string, signal?: AbortSignal): Run {
  const key = keyOf(ownerId, runId);
  const controller = new AbortController();
  running.get(key)?.abort();
  running.set(key, controller);
  const onOuterAbort = () => controller.abort();
  signal?.addEventListener('abort', onOuterAbort);
  if (signal?.aborted) controller.abort();
  const cancelled = new Promise<never>((_, reject) => {
    if (controller.signal.aborted) reject(new CancelledError());
    controller.signal.addEventListener('abort', () => reject(new CancelledError()));
  });
  // Nobody may be racing when the abort comes; that rejection is not an error of its own.
  cancelled.catch(() => undefined);
  return {
    race<T>(work: Promise<T>): Promise<T> {
      // A cancelled driver request still settles later; nobody awaits it then, so its rejection is dropped.
      work.catch(() => undefined);
      return Promise.race([work, cancelled]);
    },
    end() {
      signal?.removeEventListener('abort', onOuterAbort);
      if (running.get(key) === controller) running.delete(key);
    },
  };
}

export function cancelRun(ownerId: string, runId: string): boolean {
  const controller = running.get(keyOf(ownerId, runId));
  if (!controller) return false;
  controller.abort();
  return true;
}
