/**
 * A generated password, shown once: it exists only in this page's memory until dismissed, and no
 * page or log shows it again (the audit log keeps that a password was set, never the password).
 */
import { useState } from 'react';

export function OneTimePassword({
  email,
  password,
  why,
  onDone,
}: {
  email: string;
  password: string;
  why: 'added' | 'reset';
  onDone(): void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      // No clipboard API outside https and localhost (or permission refused): selecting the text works everywhere.
      setCopied('failed');
    }
  }
  return (
    <section className="ok-box one-time-password" role="status" data-testid="one-time-password">
      <p>
        {why === 'added' ? 'Added' : 'New password for'} <strong data-testid="one-time-password-email">{email}</strong>
        {why === 'added' ? '. Their password:' : ':'}
      </p>
      <p>
        <code className="mono" data-testid="one-time-password-value">
          {password}
        </code>{' '}
        <button type="button" data-testid="one-time-password-copy" onClick={() => void copy()}>
          Copy
        </button>{' '}
        {copied === 'yes' ? <span role="status">Copied.</span> : null}
        {copied === 'failed' ? (
          <span role="status">This browser would not copy it: select the text and copy it.</span>
        ) : null}
      </p>
      <p className="muted">
        Copy it now and hand it to them over a private channel: it is shown only this once. If it is lost, reset the
        password.
      </p>
      <button type="button" data-testid="one-time-password-done" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
