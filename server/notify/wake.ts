import 'server-only';
/**
 * The nudge from "a notification was enqueued" to the delivery worker, kept apart from both so the
 * enqueuing side (the alert engine's transaction) never imports the worker, and a process without a
 * worker (a script, a test) simply has nobody listening.
 */
import { processSingleton } from '../process-singleton';

type Listener = () => void;

const listeners = processSingleton('notify-wake-listeners', () => new Set<Listener>());

/** Returns the function that stops listening. */
export function onEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Called inside the caller's transaction: the listeners run in a microtask, after the synchronous
 * transaction has committed (or rolled back, when the worker then finds nothing new).
 */
export function announceEnqueued(): void {
  if (listeners.size === 0) return;
  queueMicrotask(() => {
    for (const listener of listeners) listener();
  });
}
