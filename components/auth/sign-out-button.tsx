'use client';
import { LogOut } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { authClient } from './auth-client';

export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
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
        <LogOut aria-hidden="true" />
        Sign out
      </Button>
      {error && (
        <span role="alert" className="problem">
          {error}
        </span>
      )}
    </>
  );
}
