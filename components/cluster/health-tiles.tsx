'use client';
/**
 * The overview's tiles: each one a figure, how bad it is (word and icon, not colour alone) and a link
 * to the view that explains it. Fed by the page's one live subscription; nothing here polls.
 */
import { CircleAlert, CircleCheck, CircleMinus, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useLiveCluster } from '@/components/live/live-cluster';
import { cn } from '@/lib/utils';
import { nodesByDc, overviewTiles, type TileTone } from './overview-tiles';

const TONE: Record<TileTone, { icon: typeof CircleCheck; word: string; className: string }> = {
  ok: { icon: CircleCheck, word: 'fine', className: 'border-l-emerald-600' },
  warn: { icon: TriangleAlert, word: 'attention', className: 'border-l-amber-500' },
  bad: { icon: CircleAlert, word: 'problem', className: 'border-l-red-600' },
  neutral: { icon: CircleMinus, word: 'info', className: 'border-l-border' },
};

export function HealthTiles() {
  const { clusterId, snapshot } = useLiveCluster();
  if (!snapshot)
    return (
      <p className="muted" data-testid="overview-tiles-loading">
        Waiting for the cluster’s first snapshot…
      </p>
    );
  const base = `/clusters/${encodeURIComponent(clusterId)}`;
  const tiles = overviewTiles(snapshot);
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
    </section>
  );
}
