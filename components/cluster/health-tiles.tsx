'use client';
/**
 * The overview's tiles: each one a figure, how bad it is (word and icon, not colour alone) and a link
 * to the view that explains it. Fed by the page's one live subscription; nothing here polls.
 */
import { CircleAlert, CircleCheck, CircleMinus, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useOptionalAlertsLive } from '@/components/alerts/alerts-live';
import { formatAge } from '@/components/alerts/alert-format';
import { useNow } from '@/components/alerts/use-now';
import { SeverityBadge } from '@/components/ui/status-badge';
import { useLiveCluster } from '@/components/live/live-cluster';
import { cn } from '@/lib/utils';
import { nodesByDc, overviewTiles, type IncidentLike, type TileTone } from './overview-tiles';

const TONE: Record<TileTone, { icon: typeof CircleCheck; word: string; className: string }> = {
  ok: { icon: CircleCheck, word: 'fine', className: 'border-l-emerald-600' },
  warn: { icon: TriangleAlert, word: 'attention', className: 'border-l-amber-500' },
  bad: { icon: CircleAlert, word: 'problem', className: 'border-l-red-600' },
  neutral: { icon: CircleMinus, word: 'info', className: 'border-l-border' },
};

export function HealthTiles() {
  const { clusterId, snapshot } = useLiveCluster();
  // The page's own alerts stream (the node table's marks read it too): no connection of its own.
  const alerts = useOptionalAlertsLive();
  if (!snapshot)
    return (
      <p className="muted" data-testid="overview-tiles-loading">
        Waiting for the cluster’s first snapshot…
      </p>
    );
  const base = `/clusters/${encodeURIComponent(clusterId)}`;
  const incidents = alerts?.data?.incidents ?? null;
  const tiles = overviewTiles(snapshot, incidents);
  return (
    <section aria-label="Cluster health" className="mb-4 space-y-2">
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2" data-testid="overview-tiles">
        {tiles.map((tile) => {
          const tone = TONE[tile.tone];
          const Icon = tone.icon;
          return (
            <li key={tile.id}>
              <Link
                href={tile.path.startsWith('#') ? tile.path : `${base}${tile.path}`}
                className={cn(
                  'block h-full rounded-md border border-l-4 bg-card p-2 text-card-foreground no-underline hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none',
                  tone.className,
                )}
                data-testid={`tile-${tile.id}`}
                data-tone={tile.tone}
              >
                <span className="flex items-center gap-1 text-xs text-muted-foreground">
                  <Icon className="size-3.5" aria-hidden />
                  {tile.label}
                  <span className="sr-only">: {tone.word}</span>
                </span>
                <span className="block text-xl font-semibold tabular-nums" data-testid="tile-value">
                  {tile.value}
                </span>
                <span
                  className="block truncate text-xs text-muted-foreground"
                  title={tile.detail}
                  data-testid="tile-detail"
                >
                  {tile.detail}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <ul className="flex flex-wrap gap-2 text-xs" data-testid="overview-dcs">
        {nodesByDc(snapshot.nodes).map((dc) => (
          <li
            key={dc.dc}
            className="rounded border px-2 py-0.5"
            data-testid={`overview-dc-${dc.dc}`}
            data-up={dc.up}
            data-down={dc.down}
          >
            {dc.dc}: {dc.up} up{dc.down ? `, ${dc.down} down` : ''}
            {dc.moving.length ? `, ${dc.moving.join(', ')}` : ''}
          </li>
        ))}
      </ul>
      <RecentIncidents base={base} incidents={incidents} error={alerts?.isError ? alerts.error : null} />
    </section>
  );
}

type Incidents = readonly (IncidentLike & { id: string; openedAt: number })[];

/** The open incidents, newest first: what happened lately and is not over, each leading to the alerts page. */
function RecentIncidents({ base, incidents, error }: { base: string; incidents: Incidents | null; error: unknown }) {
  const now = useNow(10_000);
  if (error)
    return (
      <p className="text-xs text-muted-foreground" data-testid="overview-incidents-error">
        Alerts could not be read: {error instanceof Error ? error.message : String(error)}
      </p>
    );
  if (incidents === null) return null;
  if (incidents.length === 0)
    return (
      <p className="text-xs text-muted-foreground" data-testid="overview-incidents-none">
        No open incidents. <Link href={`${base}/alerts`}>Alert history</Link>
      </p>
    );
  return (
    <div data-testid="overview-incidents">
      <h3 className="text-sm">Open incidents</h3>
      <ul className="space-y-1 text-sm">
        {incidents.slice(0, 5).map((incident) => (
          <li key={incident.id} className="flex items-center gap-2" data-testid="overview-incident">
            <SeverityBadge value={incident.severity} />
            <Link href={`${base}/alerts`}>{incident.title}</Link>
            <span className="text-xs text-muted-foreground">opened {formatAge(now - incident.openedAt)} ago</span>
          </li>
        ))}
      </ul>
      {incidents.length > 5 ? (
        <Link href={`${base}/alerts`} className="text-xs">
          and {incidents.length - 5} more
        </Link>
      ) : null}
    </div>
  );
}
