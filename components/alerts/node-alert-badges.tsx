/**
 * The console's own marks on a node, in words (not colour alone): "alert" links to the alerts page;
 * "not answering" says why in its title. Nothing when the node has neither.
 */
import Link from 'next/link';
import { formatLocalTime } from '@/components/admin/audit-filter';
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
          className="badge bad"
          title="A firing alert names this node: see the alerts page"
          data-testid={`node-alert-${address}`}
        >
          alert
        </Link>
      ) : null}
      {silent ? (
        <span
          className="badge bad"
          title={`The console's CQL probe gets no answer${silent.reason ? `: ${silent.reason}` : ''} (since ${formatLocalTime(silent.since)})`}
          data-testid={`node-not-answering-${address}`}
        >
          not answering
        </span>
      ) : null}
    </span>
  );
}
