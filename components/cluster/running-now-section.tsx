'use client';
/**
 * What is running on the cluster now: counts per kind (each a link to its view), then the work
 * itself with where it runs and how far it is. One query every few seconds; the server reads the
 * cluster for it at most once per interval whoever watches.
 */
import { Activity, ArrowLeftRight, Layers, Wrench, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { OverviewSection, SectionState } from './overview-section';
import {
  runningCounts,
  runningCoverage,
  runningGaps,
  runningItems,
  type RunningItem,
  type RunningKind,
} from './running-now-model';
import { RUNNING_EVERY_MS, useRunningNow } from './use-overview';

const SHOWN = 6;

const KIND: Record<RunningKind, { icon: LucideIcon; word: string }> = {
  operation: { icon: Activity, word: 'operation' },
  repair: { icon: Wrench, word: 'repair' },
  stream: { icon: ArrowLeftRight, word: 'stream' },
  compaction: { icon: Layers, word: 'compaction' },
};

export function RunningNowSection({ clusterId }: { clusterId: string }) {
  const base = `/clusters/${encodeURIComponent(clusterId)}`;
  const running = useRunningNow(clusterId);
  return (
    <OverviewSection
      id="running-now"
      title="Running now"
      href={`${base}/activity`}
      linkText="Activity"
      testId="overview-running"
    >
      <SectionState query={running} what="running work" staleAfterMs={3 * RUNNING_EVERY_MS} testId="overview-running">
        {(now) => {
          const counts = runningCounts(now);
          const items = runningItems(now);
          const gaps = runningGaps(now);
          const coverage = runningCoverage(now);
          return (
            <>
              <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="overview-running-counts">
                <Count n={counts.compactions} word="compaction" href={`${base}/compaction`} id="compactions" />
                <Count n={counts.repairs} word="repair" href={`${base}/activity`} id="repairs" />
                <Count n={counts.streams} word="stream" href={`${base}/activity`} id="streams" />
                <Count n={counts.operations} word="operation" href={`${base}/activity`} id="operations" />
              </ul>
              {counts.total === 0 ? (
                coverage === 'unknown' ? (
                  <p className="text-sm text-muted-foreground" data-testid="overview-running-unknown">
                    The cluster could not be asked what it is running (below: why), and the console runs no operation on
                    it. Check the node tiles above and the <Link href={`${base}/gossip`}>gossip view</Link>.
                  </p>
                ) : (
                  <p className="text-sm text-muted-foreground" data-testid="overview-running-none">
                    Nothing running{coverage === 'partial' ? ' that the nodes which answered know of' : ''}: no
                    compaction, repair, stream or console operation. To start a repair, cleanup or flush, go to{' '}
                    <Link href={`${base}/activity`}>Activity</Link>.
                  </p>
                )
              ) : (
                <ul className="space-y-2" data-testid="overview-running-items">
                  {items.slice(0, SHOWN).map((item) => (
                    <Item key={item.key} item={item} base={base} />
                  ))}
                </ul>
              )}
              {items.length > SHOWN ? (
                <Link href={`${base}/activity`} className="text-xs">
                  and {items.length - SHOWN} more
                </Link>
              ) : null}
              {gaps.length ? (
                <ul className="mt-2 space-y-0.5 text-xs text-muted-foreground" data-testid="overview-running-gaps">
                  {gaps.map((gap) => (
                    <li key={gap}>{gap}</li>
                  ))}
                </ul>
              ) : null}
            </>
          );
        }}
      </SectionState>
    </OverviewSection>
  );
}

function Count({ n, word, href, id }: { n: number; word: string; href: string; id: string }) {
  return (
    <li>
      <Link href={href} className="no-underline hover:underline" data-testid={`overview-running-${id}`} data-count={n}>
        <span className="font-semibold tabular-nums">{n}</span> {n === 1 ? word : `${word}s`}
      </Link>
    </li>
  );
}

function Item({ item, base }: { item: RunningItem; base: string }) {
  const kind = KIND[item.kind];
  return (
    <li className="text-sm" data-testid="overview-running-item" data-kind={item.kind}>
      <div className="flex flex-wrap items-center gap-x-2">
        <StatusBadge tone="info" icon={kind.icon}>
          {kind.word}
        </StatusBadge>
        <Link href={`${base}${item.path}`} className="min-w-0 truncate">
          {item.what}
        </Link>
        <span className="text-xs text-muted-foreground">{item.where}</span>
      </div>
      <div className="mt-1 flex items-center gap-2 text-xs text-muted-foreground">
        {item.percent !== null ? (
          <>
            <div
              role="progressbar"
              aria-label={`${item.what} on ${item.where}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(item.percent)}
              className="h-1.5 w-24 shrink-0 overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full bg-status-info" style={{ width: `${item.percent}%` }} />
            </div>
            <span className="tabular-nums">{item.percent.toFixed(0)} %</span>
          </>
        ) : null}
        <span className="truncate">{item.detail}</span>
      </div>
    </li>
  );
}
