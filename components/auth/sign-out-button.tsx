'use client';
import { useState } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { authClient } from './auth-client';

export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        disabled={!hydrated}
        data-testid="sign-out"
        onClick={async () => {
          const { error: failed } = await authClient.signOut();
          if (failed) setError(`sign-out failed: ${failed.message ?? failed.statusText}`);
          // A full load drops every query cached for the signed-out user; router.push would keep them.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          else window.location.assign('/login');
        }}
      >
        Sign out
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
