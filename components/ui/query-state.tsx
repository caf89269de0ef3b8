/**
 * One section's data through its states: loading (a skeleton with words), failed (with why and a
 * retry), empty (saying so) or shown. A section never renders as nothing: each state has its own
 * words. A refetch that fails while older data is on screen shows the failure above the data rather
 * than hiding it.
 */
import type { ReactNode } from 'react';
import { ErrorBox } from './error-box';
import { Skeleton } from './skeleton';

/** What TanStack Query (and the per-domain hooks) give: enough to tell the states apart. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  /** TanStack Query's refetch: offered as the failure's retry. */
  refetch?: () => unknown;
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
  const failure = query.isError ? (
    <ErrorBox error={query.error} title={errorTitle} testId={errorTestId} onRetry={query.refetch} />
  ) : null;
  if (query.data === undefined) return failure ?? <LoadingSkeleton>{loading}</LoadingSkeleton>;
  const body = isEmpty?.(query.data) && empty !== undefined ? <p className="muted">{empty}</p> : children(query.data);
  return (
    <>
      {failure}
      {body}
    </>
  );
}

/** Placeholder bars where the section will be, and the words saying what is on its way. */
export function LoadingSkeleton({ children, rows = 3 }: { children: ReactNode; rows?: number }) {
  return (
    <div role="status" className="my-2 space-y-1.5" data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-4" style={{ width: `${90 - i * 15}%` }} />
      ))}
      <p className="muted text-sm">{children}</p>
    </div>
  );
}
