'use client';
/**
 * DCs → racks → nodes as tiles coloured by a chosen measure, live from the page's cluster.live
 * snapshot (status, load, heap) and the collector's latest poll (read p99, pending compactions).
 * Each tile is a plain link carrying its value in words and a title; a click is routed by one
 * handler on the grid, so 1,000 tiles are 1,000 anchors with no state of their own.
 */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState, type CSSProperties, type MouseEvent } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import type { NodeRow } from '@/server/nodes/merge-nodes';
import {
  bucketOf,
  bucketsOf,
  layout,
  MEASURE_LABELS,
  MEASURE_METRIC,
  measureOf,
  MEASURES,
  valueOf,
  valueText,
  type Bucket,
  type Measure,
} from './physical-model';
import { useLatestMetric } from './use-physical';

/** The measure from the URL (?measure=), written back without a server round trip. */
function useMeasure(): [Measure, (m: Measure) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [measure, setMeasure] = useState(() => measureOf(searchParams.get('measure')));
  const change = (next: Measure) => {
    setMeasure(next);
    const params = new URLSearchParams(window.location.search);
    if (next === 'status') params.delete('measure');
    else params.set('measure', next);
    const query = params.toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  };
  return [measure, change];
}

export function LivePhysicalView() {
  const { clusterId, snapshot } = useLiveCluster();
  const [measure, setMeasure] = useMeasure();
  const metric = MEASURE_METRIC[measure];
  const latest = useLatestMetric(clusterId, metric);
  if (!snapshot) return <p data-testid="physical-loading">Connecting to {clusterId}…</p>;
  return (
    <>
      <MeasurePicker measure={measure} onChange={setMeasure} />
      {metric && latest.isError ? (
        <p className="problem" data-testid="physical-metric-error">
          Could not read {MEASURE_LABELS[measure]} from the metrics collector: {latest.error.message}
        </p>
      ) : null}
      {metric && latest.data && latest.data.at === null ? (
        <p className="muted" data-testid="physical-metric-empty">
          The metrics collector has not polled yet: tiles show — until it does.
        </p>
      ) : null}
      <PhysicalView
        clusterId={clusterId}
        nodes={snapshot.nodes}
        measure={measure}
        metric={metric ? latest.data?.values : undefined}
      />
    </>
  );
}

function MeasurePicker({ measure, onChange }: { measure: Measure; onChange(m: Measure): void }) {
  return (
    <label className="picker">
      Colour by{' '}
      <select data-testid="physical-measure" value={measure} onChange={(e) => onChange(e.target.value as Measure)}>
        {MEASURES.map((m) => (
          <option key={m} value={m}>
            {MEASURE_LABELS[m]}
          </option>
        ))}
      </select>
    </label>
  );
}

const toneColour = (tone: Bucket['tone']) => `var(--status-${tone})`;

/**
 * A bucket's fill: the tone laid on the theme's background, so a fill is lighter in the light theme and
 * darker in the dark one; the text is the theme's own foreground on either (white on a 60 % green fill
 * over white was 2.9:1, under the 4.5:1 axe asks for).
 */
function fill(bucket: Bucket | null): CSSProperties {
  if (!bucket)
    return {
      background:
        'repeating-linear-gradient(45deg, var(--muted), var(--muted) 4px, var(--background) 4px, var(--background) 8px)',
      color: 'var(--muted-foreground)',
    };
  return {
    background: `color-mix(in oklab, ${toneColour(bucket.tone)} ${Math.round(bucket.strength * 100)}%, var(--background))`,
    color: 'var(--foreground)',
  };
}

export function PhysicalView({
  clusterId,
  nodes,
  measure,
  metric,
}: {
  clusterId: string;
  nodes: NodeRow[];
  measure: Measure;
  /** The collector's values per address for a measure the snapshot does not carry. */
  metric?: Record<string, number>;
}) {
  const router = useRouter();
  const loadMax = useMemo(() => Math.max(0, ...nodes.map((n) => n.loadBytes ?? 0)), [nodes]);
  const buckets = bucketsOf(measure, loadMax);
  const dcs = useMemo(() => layout(nodes), [nodes]);

  // One handler for every tile: an ordinary click navigates inside the app; a modified one is the browser's.
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest('a[data-tile]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(link.getAttribute('href')!);
  };

  const grid = useMemo(
    () =>
      dcs.map((dc) => (
        <section key={dc.dc} data-testid={`physical-dc-${dc.dc}`} className="mb-4">
          <h3 className="mb-1 text-base">
            Datacenter {dc.dc}{' '}
            <span className="muted font-normal" data-testid="physical-dc-count">
              ({dc.up}/{dc.total} up)
            </span>
          </h3>
          <div className="flex flex-wrap gap-3">
            {dc.racks.map((rack) => (
              <div
                key={rack.rack}
                data-testid={`physical-rack-${dc.dc}-${rack.rack}`}
                className="rounded-md border p-2"
                role="group"
                aria-label={`rack ${rack.rack} of ${dc.dc}`}
              >
                <div className="muted mb-1 text-xs">
                  Rack {rack.rack} ({rack.up}/{rack.nodes.length} up)
                </div>
                <div className="grid grid-cols-[repeat(auto-fill,5.5rem)] gap-1" style={{ maxWidth: '60rem' }}>
                  {rack.nodes.map((node) => {
                    const value = valueOf(measure, node, metric);
                    const bucket = bucketOf(measure, node, value, loadMax);
                    const text = valueText(measure, node, value);
                    const down = node.status === 'Down';
                    const title = [
                      `${node.address} (${dc.dc} / ${rack.rack})`,
                      `${node.status}, ${node.state}`,
                      measure === 'status' ? null : `${MEASURE_LABELS[measure]}: ${text}`,
                    ]
                      .filter(Boolean)
                      .join(' — ');
                    return (
                      <a
                        key={node.hostId ?? node.address}
                        href={`/clusters/${encodeURIComponent(clusterId)}/nodes/${node.address}`}
                        data-tile=""
                        data-testid={`tile-${node.address}`}
                        data-status={node.status}
                        data-bucket={bucket?.index ?? 'none'}
                        title={title}
                        aria-label={title}
                        className="block rounded-sm px-1 py-0.5 text-[0.7rem] leading-tight no-underline focus-visible:outline-2 focus-visible:outline-offset-1"
                        style={{
                          ...fill(bucket),
                          border: down ? '2px dashed var(--status-bad)' : '2px solid transparent',
                        }}
                      >
                        <span className="mono block truncate">{node.address}</span>
                        <span className="block font-semibold" data-testid="tile-value">
                          {down && measure !== 'status' ? `Down · ${text}` : text}
                        </span>
                      </a>
                    );
                  })}
                </div>
              </div>
            ))}
          </div>
        </section>
      )),
    [dcs, measure, metric, loadMax, clusterId],
  );

  return (
    <div data-testid="physical-view">
      <ul className="my-2 flex flex-wrap gap-3 text-xs" data-testid="physical-legend" aria-label="Legend">
        {buckets.map((b) => (
          <li key={b.index} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={fill(b)} />
            {b.label}
          </li>
        ))}
        {measure === 'status' ? null : (
          <>
            <li className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={fill(null)} />
              no value (—)
            </li>
            <li className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className="inline-block size-3 rounded-sm"
                style={{ border: '2px dashed var(--status-bad)' }}
              />
              Down (said on the tile)
            </li>
          </>
        )}
      </ul>
      {/* The links inside are the controls (keyboard included); this only routes their ordinary clicks. */}
      <div onClick={onClick}>{grid}</div>
    </div>
  );
}
