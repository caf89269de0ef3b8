'use client';
/** "Try again" beside a failure: disabled, and saying so, while the retry runs. */
import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { Button } from './button';

export function RetryButton({ onRetry }: { onRetry: () => unknown }) {
  const [trying, setTrying] = useState(false);
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      className="ml-2 h-6 px-2 align-baseline"
      data-testid="retry"
      disabled={trying}
      onClick={async () => {
        setTrying(true);
        try {
          await onRetry();
        } finally {
          setTrying(false);
        }
      }}
    >
      <RotateCw aria-hidden className={trying ? 'animate-spin' : undefined} />
      {trying ? 'Trying again…' : 'Try again'}
    </Button>
  );
}
