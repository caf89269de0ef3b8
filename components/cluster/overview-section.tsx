'use client';
/**
 * The frame of the overview's sections below the tiles: a heading that is the link to the section's
 * own view, and a section's data through its states — a skeleton while loading, the failure with a
 * retry, the data marked with its age once it is older than it should be (a refresh failed, or the
 * server's answer is old), so nothing on the page is blank or silently stale.
 */
import { ArrowRight, Clock } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatAge } from '@/components/alerts/alert-format';
import { useNow } from '@/components/alerts/use-now';
import { ErrorBox } from '@/components/ui/error-box';
import { LoadingSkeleton } from '@/components/ui/query-state';
import { RetryButton } from '@/components/ui/retry-button';
import { StatusBadge } from '@/components/ui/status-badge';
import { errorMessage } from '@/lib/error-message';

export function OverviewSection({
  id,
  title,
  href,
  linkText,
  aside,
  testId,
  children,
}: {
  id: string;
  title: string;
  href: string;
  /** The link's words: where it goes ("All compactions and operations"). */
  linkText: string;
  aside?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="@container min-w-0 rounded-md border bg-card p-3 text-card-foreground"
      data-testid={testId}
    >
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={`${id}-heading`} className="m-0 text-base font-semibold">
          {title}
        </h2>
        {aside}
        <Link href={href} className="ml-auto inline-flex items-center gap-1 text-sm" data-testid={`${testId}-link`}>
          {linkText}
          <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      </div>
      {children}
    </section>
  );
}

/** What the sections need of a TanStack query. */
export interface SectionQuery<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  /** When the data on screen was received (ms); 0 before any. */
  dataUpdatedAt: number;
  refetch: () => unknown;
}

export function SectionState<T>({
  query,
  what,
  staleAfterMs,
  skeletonRows = 3,
  testId,
  children,
}: {
  query: SectionQuery<T>;
  /** What the section reads, for the failure's words: "running work". */
  what: string;
  /** Data older than this is marked with its age. */
  staleAfterMs: number;
  skeletonRows?: number;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  const now = useNow(5000);
  if (query.data === undefined) {
    if (query.isError)
      return (
        <ErrorBox
          title={`Could not read ${what}:`}
          error={query.error}
          testId={`${testId}-error`}
          onRetry={query.refetch}
        />
      );
    return (
      <div data-testid={`${testId}-loading`} aria-busy="true">
        <LoadingSkeleton rows={skeletonRows}>Reading {what}…</LoadingSkeleton>
      </div>
    );
  }
  const age = now - query.dataUpdatedAt;
  const stale = query.isError || age > staleAfterMs;
  return (
    <>
      {stale ? (
        <p
          className="mb-2 flex flex-wrap items-center gap-2 text-xs text-muted-foreground"
          data-testid={`${testId}-stale`}
        >
          <StatusBadge tone="warn" icon={Clock}>
            stale
          </StatusBadge>
          <span>
            As of {formatAge(age)} ago
            {query.isError ? ` — could not refresh: ${errorMessage(query.error)}` : ''}
          </span>
          {query.isError ? <RetryButton onRetry={query.refetch} /> : null}
        </p>
      ) : null}
      {children(query.data)}
    </>
  );
}
