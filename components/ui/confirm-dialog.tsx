/**
 * Asks before something that cannot be undone from here runs: it shows the exact statement and
 * defaults to not running it (the focus starts on the refusal, Escape refuses).
 */
import type { ReactNode } from 'react';

export function ConfirmDialog({
  title,
  statement,
  children,
  confirmLabel = 'Run it',
  cancelLabel = "Don't run",
  busy = false,
  onAnswer,
}: {
  title: ReactNode;
  statement: string;
  /** Why it deserves a second look. */
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** The confirmed work is under way: the choice is made. */
  busy?: boolean;
  onAnswer(yes: boolean): void;
}) {
  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        className="dialog"
        data-testid="confirm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) onAnswer(false);
        }}
      >
        <h3 id="confirm-title">{title}</h3>
        {children}
        <pre className="mono">{statement}</pre>
        <button type="button" autoFocus disabled={busy} onClick={() => onAnswer(false)} data-testid="confirm-no">
          {cancelLabel}
        </button>{' '}
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => onAnswer(true)}
          data-testid="confirm-yes"
        >
          {busy ? 'Running…' : confirmLabel}
        </button>
      </div>
    </div>
  );
}
