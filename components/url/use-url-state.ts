/**
 * A view's state kept in its URL (`?state=running&kind=repair`), so a view with its filters and time
 * range can be linked to and survives a reload. The URL is read once, when the view mounts; after that
 * the state lives in React and each change is written back with history.replaceState: Next.js follows
 * it without a server round trip, so typing in a filter stays instant, and the back button is not
 * filled with every keystroke. What is read is checked by the view's codec (url-params.ts).
 */
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { UrlCodec } from './url-params';

/** Rewrites the current URL's query with `edit`, keeping its path and hash, without a navigation. */
export function replaceQuery(edit: (params: URLSearchParams) => void): void {
  const { pathname, search, hash } = window.location;
  const params = new URLSearchParams(search);
  edit(params);
  const query = params.toString();
  // null, as Next.js documents: its patched replaceState then keeps its own state and follows the URL.
  window.history.replaceState(null, '', `${pathname}${query ? `?${query}` : ''}${hash}`);
}

/** useState whose first value comes from the URL and whose every change is written back to it. */
export function useUrlState<T>(codec: UrlCodec<T>): [T, (next: T) => void] {
  const searchParams = useSearchParams();
  const [value, setValue] = useState(() => codec.read(searchParams));
  const change = (next: T) => {
    setValue(next);
    replaceQuery((params) => codec.write(next, params));
  };
  return [value, change];
}
