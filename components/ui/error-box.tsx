/**
 * The one way a failure is shown: what could not be done and why. `role="alert"` so a failure that
 * arrives after the page settled is announced; `inline` for a failure beside a control.
 */
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/error-message';

export function ErrorBox({
  error,
  title,
  testId,
  inline = false,
}: {
  /** An Error, a tRPC error, `{ message }` or text. */
  error: unknown;
  /** What failed, shown before the reason. */
  title?: ReactNode;
  testId?: string;
  inline?: boolean;
}) {
  const content = (
    <>
      {title ? <strong>{title} </strong> : null}
      {errorMessage(error)}
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
