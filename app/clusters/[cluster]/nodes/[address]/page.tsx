import { LiveNodeAlertBadges } from '@/components/alerts/live-node-alert-badges';
import { GossipView } from '@/components/gossip/gossip-view';
import { MetricsDashboard } from '@/components/metrics/metrics-dashboard';
import { NodeFacts } from '@/components/nodes/node-facts';
import { NodeActivity } from '@/components/operations/node-activity';

export default async function NodePage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  return (
    <>
      <h3>
        Node {address} <LiveNodeAlertBadges address={address} />
      </h3>
      <NodeFacts address={address} />
      <h3>Running on it</h3>
      <NodeActivity address={address} />
      <h3>Its metrics</h3>
      <MetricsDashboard nodes={[address]} />
      <h3>Its gossip</h3>
      <GossipView observer={address} />
    </>
  );
}
