'use client';
/** The home page's one live subscription: every cluster's card from a single stream. */
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/react';
import { applyHomeMessage, EMPTY_HOME, type HomeMessage, type HomeState } from './home-state';

export interface HomeLive extends HomeState {
  connection: 'idle' | 'connecting' | 'pending' | 'error';
  error: string | null;
}

/** `initial`: the cards as the server rendered them, until the stream's first message replaces them. */
export function useHomeLive(initial?: HomeMessage): HomeLive {
  const trpc = useTRPC();
  const [state, setState] = useState<HomeState>(() => (initial ? applyHomeMessage(EMPTY_HOME, initial) : EMPTY_HOME));
  const subscription = useSubscription(
    trpc.home.live.subscriptionOptions(undefined, {
      onData: (message) => setState((previous) => applyHomeMessage(previous, message)),
    }),
  );
  return { ...state, connection: subscription.status, error: subscription.error?.message ?? null };
}
