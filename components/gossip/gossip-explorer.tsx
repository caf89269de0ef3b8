'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { text, urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { GossipView } from './gossip-view';

// The node whose gossip is shown is in the URL (?observer=127.0.0.2), so that view can be linked to.
const EXPLORER_PARAMS = urlParams({ observer: text(100) });

/** Pick a node, see the cluster through its gossip. */
export function GossipExplorer() {
  const { snapshot } = useLiveCluster();
  const [{ observer: chosen }, setParams] = useUrlState(EXPLORER_PARAMS);
  const observers = snapshot?.observers.map((o) => o.address) ?? [];
  // A node no longer among the observers (or a hand-edited address) shows the first one instead.
  const observer = observers.includes(chosen) ? chosen : observers[0];
  if (!observer) return null;
  return (
    <>
      <label className="picker">
        Gossip as seen by{' '}
        <select
          data-testid="observer-picker"
          value={observer}
          onChange={(e) => setParams({ observer: e.target.value })}
        >
          {observers.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <GossipView observer={observer} />
    </>
  );
}
