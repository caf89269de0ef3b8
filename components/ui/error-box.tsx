/**
 * The one way a failure is shown: what could not be done and why, and a retry where trying again
 * can help. `role="alert"` so a failure that arrives after the page settled is announced; `inline`
 * for a failure beside a control.
 */
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/error-message';
import { RetryButton } from './retry-button';

export function ErrorBox({
  error,
  title,
  testId,
  inline = false,
  onRetry,
}: {
  /** An Error, a tRPC error, `{ message }` or text. */
  error: unknown;
  /** What failed, shown before the reason. */
  title?: ReactNode;
  testId?: string;
  inline?: boolean;
  /** Shown as a "Try again" button: e.g. a query's refetch. */
  onRetry?: () => unknown;
}) {
  const content = (
    <>
      {title ? <strong>{title} </strong> : null}
      {errorMessage(error)}
      {onRetry ? <RetryButton onRetry={onRetry} /> : null}
    </>
  );
  if (inline)
    return (
      <span role="alert" className="problem" data-testid={testId}>
        {content}
      </span>
    );
  return (
    <div role="alert" className="error" data-testid={testId}>
      {content}
    </div>
  );
}
