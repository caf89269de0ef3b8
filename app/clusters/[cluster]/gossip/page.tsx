import { DisagreementView } from '@/components/gossip/disagreement-view';
import { GossipExplorer } from '@/components/gossip/gossip-explorer';

export default function GossipPage() {
  return (
    <>
      <h3>What each node believes about each peer</h3>
      <DisagreementView />
      <h3>Gossip state</h3>
      <GossipExplorer />
    </>
  );
}
