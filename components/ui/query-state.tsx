/**
 * One section's data through its states: loading, failed (with why), empty (saying so) or shown.
 * A section never renders as nothing: each state has its own words. A refetch that fails while
 * older data is on screen shows the failure above the data rather than hiding it.
 */
import type { ReactNode } from 'react';
import { ErrorBox } from './error-box';

/** What TanStack Query (and the per-domain hooks) give: enough to tell the states apart. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
}

export function QueryState<T>({
  query,
  loading,
  errorTitle,
  errorTestId,
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  loading: ReactNode;
  errorTitle?: ReactNode;
  errorTestId?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const failure = query.isError ? <ErrorBox error={query.error} title={errorTitle} testId={errorTestId} /> : null;
  if (query.data === undefined) return failure ?? <p className="muted">{loading}</p>;
  const body = isEmpty?.(query.data) && empty !== undefined ? <p className="muted">{empty}</p> : children(query.data);
  return (
    <>
      {failure}
      {body}
    </>
  );
}
