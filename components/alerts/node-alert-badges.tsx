/**
 * The console's own marks on a node, in words (not colour alone): "alert" links to the alerts page;
 * "not answering" says why in its title. Nothing when the node has neither.
 */
import { BellRing, Unplug } from 'lucide-react';
import Link from 'next/link';
import { formatLocalTime } from '@/components/admin/audit-filter';
import { StatusBadge } from '@/components/ui/status-badge';
import type { NodeAlertMarks } from './node-marks';

export function NodeAlertBadges({
  clusterId,
  address,
  marks,
}: {
  clusterId: string;
  address: string;
  marks: NodeAlertMarks | undefined;
}) {
  const silent = marks?.notAnswering.get(address);
  const alerting = marks?.alerting.has(address) ?? false;
  if (!silent && !alerting) return null;
  return (
    <span className="node-marks">
      {alerting ? (
        <Link
          href={`/clusters/${clusterId}/alerts`}
          className="rounded-full no-underline"
          title="A firing alert names this node: see the alerts page"
          data-testid={`node-alert-${address}`}
        >
          <StatusBadge tone="bad" icon={BellRing} className="hover:bg-status-bad/20">
            alert
          </StatusBadge>
        </Link>
      ) : null}
      {silent ? (
        <StatusBadge
          tone="bad"
          icon={Unplug}
          title={`The console's CQL probe gets no answer${silent.reason ? `: ${silent.reason}` : ''} (since ${formatLocalTime(silent.since)})`}
          testId={`node-not-answering-${address}`}
        >
          not answering
        </StatusBadge>
      ) : null}
    </span>
  );
}
