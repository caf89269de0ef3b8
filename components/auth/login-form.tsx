'use client';
import { useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { authClient } from './auth-client';

/** Email and password, sent to better-auth's sign-in route; its message (wrong password, throttled, disabled) is shown as it comes. */
export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const { error: failed } = await authClient.signIn.email({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    setBusy(false);
    if (failed)
      setError(
        failed.status === 429
          ? `too many attempts: ${failed.message ?? 'wait a minute and try again'}`
          : (failed.message ?? failed.statusText),
      );
    // A full load, not router.push: the signed-out page's client cache (roles, cluster list) must not
    // outlive the sign-in, and the server renders every page afresh for the new session.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    else window.location.assign('/');
  }
  return (
    // method="post": should the form ever be sent the browser's way, the password must not land in a URL.
    <form className="login" method="post" onSubmit={submit} data-testid="login-form">
      <h2>Sign in to Ringside</h2>
      <label>
        Email
        <br />
        <input name="email" type="email" autoComplete="username" required data-testid="login-email" />
      </label>
      <label>
        Password
        <br />
        <input name="password" type="password" autoComplete="current-password" required data-testid="login-password" />
      </label>
      <button type="submit" disabled={busy || !hydrated} data-testid="login-submit">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {error && (
        <p role="alert" className="error" data-testid="login-error">
          {error}
        </p>
      )}
      <p className="muted">
        No account? A console administrator adds users (<code>npm run user -- add</code>); there is no sign-up.
      </p>
    </form>
  );
}
