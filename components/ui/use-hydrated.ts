/**
 * False in the server's HTML and during hydration, true once React runs the page in the browser. A
 * control whose work is its click handler stays disabled until then: clicked earlier, it would do
 * nothing (or, for a form, submit it the browser's way).
 */
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
