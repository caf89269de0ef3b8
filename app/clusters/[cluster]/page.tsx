import { ClusterOverview } from '@/components/cluster/cluster-overview';

export default function ClusterPage() {
  return <ClusterOverview />;
}
