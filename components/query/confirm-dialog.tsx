'use client';
/** Asks before a DROP, TRUNCATE or ALTER runs: it shows the statement and defaults to not running it. */
export function ConfirmDialog({ statement, onAnswer }: { statement: string; onAnswer(yes: boolean): void }) {
  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        className="dialog"
        data-testid="confirm-dialog"
      >
        <h3 id="confirm-title">Run this statement?</h3>
        <p>It changes or deletes data or schema for every user of the cluster, and cannot be undone from here.</p>
        <pre className="mono">{statement}</pre>
        <button type="button" autoFocus onClick={() => onAnswer(false)} data-testid="confirm-no">
          Don&apos;t run
        </button>{' '}
        <button type="button" className="danger" onClick={() => onAnswer(true)} data-testid="confirm-yes">
          Run it
        </button>
      </div>
    </div>
  );
}
