/**
 * The console's own verdict per node: does it answer a CQL request (the monitor's probe, about once a
 * second)? Shown beside Cassandra's Up/Down elsewhere, never in place of it.
 */
import { formatLocalTime } from '@/components/admin/audit-filter';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatAge, type AlertsView } from './alert-format';

type Verdict = AlertsView['probes'][number];

const byAddress = (a: Verdict, b: Verdict) => a.address.localeCompare(b.address, undefined, { numeric: true });

export function NodeVerdicts({ probes, now }: { probes: readonly Verdict[]; now: number }) {
  return (
    <DataTable
      testId="node-verdicts"
      rows={[...probes].sort(byAddress)}
      rowKey={(p) => p.address}
      rowProps={(p) => ({ 'data-testid': `verdict-${p.address}` })}
      empty="No probe has run yet."
      columns={[
        { key: 'address', header: 'Node', cell: (p) => p.address, td: () => ({ className: 'mono' }) },
        {
          key: 'answers',
          header: 'Answers CQL',
          cell: (p) =>
            p.answering ? <StatusBadge tone="ok">yes</StatusBadge> : <StatusBadge tone="bad">no</StatusBadge>,
          td: () => ({ 'data-testid': 'verdict-answering' }),
        },
        {
          key: 'reason',
          header: 'Reason',
          cell: (p) => p.reason ?? (p.answering ? `answered in ${p.latencyMs} ms` : '—'),
          td: () => ({ 'data-testid': 'verdict-reason' }),
        },
        {
          key: 'since',
          header: 'Since',
          cell: (p) => `${formatLocalTime(p.since)} (${formatAge(now - p.since)})`,
        },
      ]}
    />
  );
}
