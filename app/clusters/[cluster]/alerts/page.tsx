import { AlertsPage } from '@/components/alerts/alerts-page';

export default function ClusterAlertsPage() {
  return <AlertsPage />;
}
