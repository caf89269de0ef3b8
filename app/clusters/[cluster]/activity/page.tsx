import { ActivityView } from '@/components/operations/activity-view';

export default function ActivityPage() {
  return <ActivityView />;
}
