'use client';
/**
 * The last events on the cluster, newest first with their age: nodes down and up, schema changes,
 * alerts fired and resolved, operations started and ended. Each links to the view that explains it.
 */
import { Bell, Database, Play, Server, Square, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { formatAge } from '@/components/alerts/alert-format';
import { useNow } from '@/components/alerts/use-now';
import { StatusBadge } from '@/components/ui/status-badge';
import type { OverviewEvent } from '@/server/overview/event-fold';
import { OverviewSection, SectionState } from './overview-section';
import { EVENTS_EVERY_MS, useRecentEvents } from './use-overview';

const ICONS: Record<OverviewEvent['kind'], LucideIcon> = {
  'node-down': Server,
  'node-up': Server,
  'schema-change': Database,
  'alert-fired': Bell,
  'alert-resolved': Bell,
  'operation-started': Play,
  'operation-ended': Square,
};

export function RecentEventsSection({ clusterId }: { clusterId: string }) {
  const base = `/clusters/${encodeURIComponent(clusterId)}`;
  const events = useRecentEvents(clusterId);
  const now = useNow(10_000);
  return (
    <OverviewSection
      id="recent-events"
      title="Recent events"
      href={`${base}/alerts`}
      linkText="Alert history"
      testId="overview-events"
    >
      <SectionState query={events} what="recent events" staleAfterMs={3 * EVENTS_EVERY_MS} testId="overview-events">
        {(list) =>
          list.length === 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="overview-events-none">
              No events recorded yet. Nodes going down or up, schema changes, alerts and operations appear here as they
              happen; to run an operation, go to <Link href={`${base}/activity`}>Activity</Link>.
            </p>
          ) : (
            <ol className="space-y-1 text-sm" data-testid="overview-events-list">
              {list.map((event, i) => (
                <li
                  key={`${event.ts}-${event.kind}-${i}`}
                  className="flex min-w-0 items-center gap-2"
                  data-testid="overview-event"
                  data-kind={event.kind}
                >
                  <time
                    dateTime={new Date(event.ts).toISOString()}
                    title={new Date(event.ts).toLocaleString()}
                    className="w-24 shrink-0 text-right text-xs whitespace-nowrap text-muted-foreground tabular-nums"
                  >
                    {formatAge(now - event.ts)} ago
                  </time>
                  <StatusBadge tone={event.tone} icon={ICONS[event.kind]}>
                    {event.label}
                  </StatusBadge>
                  <Link href={`${base}${event.path}`} className="min-w-0 truncate" title={event.text}>
                    {event.text}
                  </Link>
                </li>
              ))}
            </ol>
          )
        }
      </SectionState>
    </OverviewSection>
  );
}
