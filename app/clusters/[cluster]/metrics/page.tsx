import { MetricsDashboard } from '@/components/metrics/metrics-dashboard';

export default function MetricsPage() {
  return <MetricsDashboard />;
}
