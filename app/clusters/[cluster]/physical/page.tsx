import { LivePhysicalView } from '@/components/physical/physical-view';

/** DCs → racks → nodes as tiles coloured by a chosen measure. */
export default function PhysicalPage() {
  return <LivePhysicalView />;
}
