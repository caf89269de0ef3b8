import 'server-only';
/**
 * Workbench statements in flight, by the run id the browser chose, so a Cancel from the browser can
 * stop the wait. A run is registered before its first step (keyspace check, connect, prepare), so a
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

export function beginRun(runId: string, signal?: AbortSignal): Run {
  const controller = new AbortController();
  running.get(runId)?.abort();
  running.set(runId, controller);
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
      if (running.get(runId) === controller) running.delete(runId);
    },
  };
}

export function cancelRun(runId: string): boolean {
  const controller = running.get(runId);
  if (!controller) return false;
  controller.abort();
  return true;
}
