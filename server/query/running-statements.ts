import 'server-only';
/**
 * Workbench statements in flight, by the run id the browser chose, so a Cancel from the browser can
 * stop the wait. The driver cannot withdraw a request once sent: cancelling frees the user at once
 * and discards the answer; Cassandra may still complete the statement.
 */
import { processSingleton } from '../process-singleton';

const running = processSingleton('workbench-running', () => new Map<string, AbortController>());

export class CancelledError extends Error {
  constructor() {
    super('cancelled: the console stopped waiting and discarded the answer; Cassandra may still complete the statement');
  }
}

/** Runs `work` until it settles or the run is cancelled (or `signal` aborts, e.g. the browser went away). */
export async function cancellable<T>(runId: string, work: Promise<T>, signal?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  running.get(runId)?.abort();
  running.set(runId, controller);
  const onOuterAbort = () => controller.abort();
  signal?.addEventListener('abort', onOuterAbort);
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        if (controller.signal.aborted) reject(new CancelledError());
        controller.signal.addEventListener('abort', () => reject(new CancelledError()));
      }),
    ]);
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
    if (running.get(runId) === controller) running.delete(runId);
    // A cancelled driver request still settles later; nobody awaits it, so its rejection is dropped here.
    work.catch(() => undefined);
  }
}

export function cancelRun(runId: string): boolean {
  const controller = running.get(runId);
  if (!controller) return false;
  controller.abort();
  return true;
}
