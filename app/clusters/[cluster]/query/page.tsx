import { Workbench } from '@/components/query/workbench';

export default function QueryPage() {
  return <Workbench />;
}
