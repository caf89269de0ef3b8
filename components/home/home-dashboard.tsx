'use client';
/**
 * The home page: one compact card per cluster the user holds a role on, all fed by a single live
 * subscription (a browser allows six connections per host; fifty clusters must not need fifty).
 * The cards are placed at once from the configuration; their figures arrive with the first message.
 */
import { CircleDashed, Radio, Unplug } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useNow } from '@/components/alerts/use-now';
import { ErrorBox } from '@/components/ui/error-box';
import { StatusBadge } from '@/components/ui/status-badge';
import { ClusterCard } from './cluster-card';
import { verdictOf, type HomeMessage } from './home-state';
import { useHomeLive } from './use-home-live';

export function HomeDashboard({
  clusters,
  initial,
}: {
  clusters: readonly { id: string; name: string }[];
  /** The cards' figures as the server rendered them. */
  initial?: HomeMessage;
}) {
  const live = useHomeLive(initial);
  const now = useNow(1000);
  // For the ui-scale benchmark: the moment every card first shows its cluster's figures, painted.
  const marked = useRef(false);
  const allArrived = clusters.length > 0 && clusters.every((c) => (live.summaries[c.id]?.takenAt ?? null) !== null);
  const [renderedWithFigures] = useState(allArrived);
  useEffect(() => {
    if (!allArrived || marked.current) return;
    marked.current = true;
    // Figures in the server's HTML were painted with the page's first content: mark that moment.
    const firstPaint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    if (renderedWithFigures && firstPaint !== undefined) {
      performance.mark('home-cards-ready', { startTime: firstPaint, detail: 'server-rendered' });
      return;
    }
    // Otherwise after the frame that lays them out and paints them, not before it.
    requestAnimationFrame(() => setTimeout(() => performance.mark('home-cards-ready', { detail: 'streamed' }), 0));
  }, [allArrived, renderedWithFigures]);
  if (clusters.length === 0)
    return (
      <p data-testid="no-clusters">You hold no role on any cluster yet: ask a console administrator to grant one.</p>
    );
  const verdicts = clusters.map((c) => verdictOf(live.summaries[c.id]).tone);
  const bad = verdicts.filter((t) => t === 'bad').length;
  const warn = verdicts.filter((t) => t === 'warn').length;
  return (
    <section aria-labelledby="home-title">
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 id="home-title" className="m-0 text-lg font-semibold">
          Clusters
        </h1>
        <span data-testid="home-counts" className="text-sm text-muted-foreground">
          {clusters.length} cluster{clusters.length === 1 ? '' : 's'}
          {bad > 0 ? `, ${bad} with problems` : ''}
          {warn > 0 ? `, ${warn} needing attention` : ''}
        </span>
        {live.connection === 'pending' ? (
          <StatusBadge tone="ok" icon={Radio} testId="live-indicator">
            live
          </StatusBadge>
        ) : live.connection === 'error' ? (
          <StatusBadge tone="bad" icon={Unplug} testId="live-indicator">
            disconnected
          </StatusBadge>
        ) : (
          <StatusBadge tone="neutral" icon={CircleDashed} testId="live-indicator">
            connecting
          </StatusBadge>
        )}
      </div>
      {live.error ? <ErrorBox title="Cannot follow the clusters." error={live.error} testId="home-error" /> : null}
      <div data-testid="cluster-cards" className="grid grid-cols-[repeat(auto-fill,minmax(11.5rem,1fr))] gap-2">
        {clusters.map((cluster) => (
          <ClusterCard
            key={cluster.id}
            cluster={cluster}
            summary={live.summaries[cluster.id]}
            sparks={live.sparks[cluster.id]}
            now={now}
          />
        ))}
      </div>
    </section>
  );
}
