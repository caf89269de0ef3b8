'use client';
import { useState } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { GossipView } from './gossip-view';

/** Pick a node, see the cluster through its gossip. */
export function GossipExplorer() {
  const { snapshot } = useLiveCluster();
  const [chosen, setChosen] = useState<string | null>(null);
  const observers = snapshot?.observers.map((o) => o.address) ?? [];
  const observer = chosen ?? observers[0];
  if (!observer) return null;
  return (
    <>
      <label className="picker">
        Gossip as seen by{' '}
        <select data-testid="observer-picker" value={observer} onChange={(e) => setChosen(e.target.value)}>
          {observers.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <GossipView observer={observer} />
    </>
  );
}
