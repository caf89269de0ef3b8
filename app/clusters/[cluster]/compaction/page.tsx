import { CompactionView } from '@/components/compaction/compaction-view';

export default function CompactionPage() {
  return <CompactionView />;
}
