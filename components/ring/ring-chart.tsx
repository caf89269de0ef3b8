'use client';
/**
 * The token ring: every range an arc coloured by its owner (nodes ordered by DC, rack, address so a
 * DC reads as one band of hues), an inner band coloured by the owner's DC. Up to a couple of
 * thousand arcs are SVG paths; past that both bands go to a canvas drawn at display resolution and
 * SVG keeps only the highlight. Hover and keyboard selection use the same O(log n) hit test.
 */
import { arc as d3arc, interpolateSinebow, schemeTableau10 } from 'd3';
import { BellRing } from 'lucide-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { NodeStatusBadge, StatusBadge } from '@/components/ui/status-badge';
import { paintRing, type RingNodeInfo, type RingPaint } from './ring-canvas';
import { arcAt, arcsOf, turnAtPoint, turnOf, type RingArc } from './ring-geometry';

export type { RingNodeInfo };

export interface RingRangeInfo {
  start: string;
  end: string;
  owner: string;
  replicas: string[] | null;
}

const SVG_LIMIT = 2000;
const TURN = 2 * Math.PI;

export interface RingMarker {
  token: string;
  replicas: string[];
}

/** `marker`: a partition key's token, drawn as a needle, its range selected and its replicas highlighted. */
export function RingChart({
  nodes,
  ranges,
  size = 420,
  keyspace,
  marker,
  alerting,
  statuses,
}: {
  nodes: RingNodeInfo[];
  ranges: RingRangeInfo[];
  size?: number;
  keyspace?: string | null;
  marker?: RingMarker;
  /** Nodes with a firing alert or no CQL answer: marked in the legend, in words as well as a sign. */
  alerting?: ReadonlySet<string>;
  /** Each node's Up/Down from the live snapshot, shown in the legend when known. */
  statuses?: ReadonlyMap<string, string>;
}) {
  const [selected, setSelected] = useState<number | null>(null);
  const arcs = useMemo(() => arcsOf(ranges), [ranges]);
  const markedToken = marker?.token;
  // A new marker (a located key) selects its arc; adjusted while rendering, not in an effect.
  const [markedFor, setMarkedFor] = useState<{ token: typeof markedToken; arcs: typeof arcs } | null>(null);
  if (markedFor?.token !== markedToken || markedFor?.arcs !== arcs) {
    setMarkedFor({ token: markedToken, arcs });
    if (markedToken !== undefined) setSelected(arcAt(arcs, turnOf(markedToken))?.index ?? null);
  }
  const { nodeColor, dcColor } = useMemo(() => palette(nodes), [nodes]);
  const outer = size / 2 - 4;
  const inner = outer * 0.72;
  const band = outer * 0.66;

  const pick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      const box = event.currentTarget.getBoundingClientRect();
      const x = event.clientX - box.left - size / 2;
      const y = event.clientY - box.top - size / 2;
      const r = Math.hypot(x, y);
      if (r < band || r > outer) return;
      const hit = arcAt(arcs, turnAtPoint(x, y));
      if (hit) setSelected(hit.index);
    },
    [arcs, band, outer, size],
  );

  const step = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (delta === 0 || arcs.length === 0) return;
    event.preventDefault();
    setSelected((current) => ((current ?? -delta) + delta + arcs.length) % arcs.length);
  };

  useEffect(() => {
    // The canvas marks its own paint; the SVG is painted with the commit.
    if (arcs.length <= SVG_LIMIT) requestAnimationFrame(() => performance.mark('ring-painted'));
  }, [arcs]);

  const chosen = selected === null ? undefined : ranges[selected];
  return (
    <div className="ring" data-testid="ring">
      <div
        className="ring-canvas"
        style={{ width: size, height: size, position: 'relative' }}
        onMouseMove={pick}
        onKeyDown={step}
        tabIndex={0}
        role="listbox"
        aria-label={`Token ring: ${ranges.length} ranges. Use the arrow keys to step through them.`}
        data-testid="ring-surface"
      >
        {arcs.length > SVG_LIMIT ? (
          <CanvasArcs
            arcs={arcs}
            nodes={nodes}
            size={size}
            inner={inner}
            outer={outer}
            bandInner={band}
            bandOuter={inner - 2}
            nodeColor={nodeColor}
            dcColor={dcColor}
          />
        ) : null}
        <svg width={size} height={size} style={{ position: 'absolute', inset: 0 }} data-testid="ring-svg">
          <g transform={`translate(${size / 2},${size / 2})`}>
            {arcs.length <= SVG_LIMIT ? (
              <>
                <SvgArcs arcs={arcs} inner={inner} outer={outer} nodeColor={nodeColor} />
                <DcBand arcs={arcs} nodes={nodes} inner={band} outer={inner - 2} dcColor={dcColor} />
              </>
            ) : null}
            {selected !== null && arcs[selected] ? (
              <path
                d={arcPath(arcs[selected], inner - 3, outer + 3)}
                className="ring-selected"
                data-testid="ring-selected"
              />
            ) : null}
            {marker ? <Needle turn={turnOf(marker.token)} inner={band - 6} outer={outer + 4} /> : null}
          </g>
        </svg>
      </div>
      <div className="ring-side">
        <RangeDetails range={chosen} keyspace={keyspace} />
        <Legend
          nodes={nodes}
          nodeColor={nodeColor}
          dcColor={dcColor}
          highlighted={marker?.replicas ?? chosen?.replicas ?? (chosen ? [chosen.owner] : [])}
          alerting={alerting}
          statuses={statuses}
        />
      </div>
    </div>
  );
}

function palette(nodes: RingNodeInfo[]) {
  const ordered = [...nodes].sort(
    (a, b) =>
      a.dc.localeCompare(b.dc) ||
      a.rack.localeCompare(b.rack) ||
      a.address.localeCompare(b.address, undefined, { numeric: true }),
  );
  const nodeColor = new Map(ordered.map((n, i) => [n.address, interpolateSinebow(i / Math.max(ordered.length, 1))]));
  const dcs = [...new Set(ordered.map((n) => n.dc))];
  const dcColor = new Map(dcs.map((dc, i) => [dc, schemeTableau10[i % schemeTableau10.length] ?? '#ccc']));
  return { nodeColor, dcColor };
}

function Needle({ turn, inner, outer }: { turn: number; inner: number; outer: number }) {
  const x = Math.sin(turn * TURN);
  const y = -Math.cos(turn * TURN);
  return (
    <line
      x1={x * inner}
      y1={y * inner}
      x2={x * outer}
      y2={y * outer}
      className="ring-needle"
      data-testid="ring-needle"
    />
  );
}

function arcPath(arc: RingArc, inner: number, outer: number): string {
  return (
    d3arc()({ innerRadius: inner, outerRadius: outer, startAngle: arc.start * TURN, endAngle: arc.end * TURN }) ?? ''
  );
}

const SvgArcs = memo(function SvgArcs({
  arcs,
  inner,
  outer,
  nodeColor,
}: {
  arcs: RingArc[];
  inner: number;
  outer: number;
  nodeColor: Map<string, string>;
}) {
  return (
    <g>
      {arcs.map((a) => (
        <path
          key={a.index}
          d={arcPath(a, inner, outer)}
          fill={nodeColor.get(a.owner) ?? '#999'}
          stroke="#fff"
          strokeWidth={0.5}
          data-testid={`ring-arc-${a.index}`}
        />
      ))}
    </g>
  );
});

/** The canvas element for large rings; the painting itself is ring-canvas.ts's. */
const CanvasArcs = memo(function CanvasArcs(props: RingPaint) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current && paintRing(ref.current, props, window.devicePixelRatio || 1))
      requestAnimationFrame(() => performance.mark('ring-painted'));
  }, [props]);
  return (
    <canvas
      ref={ref}
      style={{ width: props.size, height: props.size, position: 'absolute', inset: 0 }}
      data-testid="ring-canvas"
    />
  );
});

/** The inner band: which DC owns each stretch of the ring, merged into runs so it stays cheap. */
const DcBand = memo(function DcBand({
  arcs,
  nodes,
  inner,
  outer,
  dcColor,
}: {
  arcs: RingArc[];
  nodes: RingNodeInfo[];
  inner: number;
  outer: number;
  dcColor: Map<string, string>;
}) {
  const dcOf = new Map(nodes.map((n) => [n.address, n.dc]));
  const runs: { dc: string; start: number; end: number }[] = [];
  // Arcs come sorted by end token, so neighbours on the ring are neighbours in the list.
  for (const a of arcs) {
    const dc = dcOf.get(a.owner) ?? '?';
    const last = runs.at(-1);
    if (last && last.dc === dc && Math.abs(last.end - a.start) < 1e-9) last.end = a.end;
    else runs.push({ dc, start: a.start, end: a.end });
  }
  return (
    <g>
      {runs.map((run, i) => (
        <path
          key={i}
          d={arcPath({ index: i, owner: run.dc, start: run.start, end: run.end }, inner, outer)}
          fill={dcColor.get(run.dc) ?? '#ccc'}
          opacity={0.7}
        />
      ))}
    </g>
  );
});

function RangeDetails({ range, keyspace }: { range: RingRangeInfo | undefined; keyspace?: string | null }) {
  if (!range)
    return (
      <p className="muted" data-testid="ring-details">
        Hover the ring or focus it and use the arrow keys to see a range.
      </p>
    );
  return (
    <dl className="ring-details" data-testid="ring-details">
      <dt>Range</dt>
      <dd className="mono" data-testid="ring-range">
        ({range.start}, {range.end}]
      </dd>
      <dt>Owner</dt>
      <dd data-testid="ring-owner">{range.owner}</dd>
      <dt>Replicas{keyspace ? ` in ${keyspace}` : ''}</dt>
      <dd data-testid="ring-replicas">{range.replicas ? range.replicas.join(', ') : 'choose a keyspace'}</dd>
    </dl>
  );
}

function Legend({
  nodes,
  nodeColor,
  dcColor,
  highlighted,
  alerting,
  statuses,
}: {
  nodes: RingNodeInfo[];
  nodeColor: Map<string, string>;
  dcColor: Map<string, string>;
  highlighted: string[];
  alerting?: ReadonlySet<string>;
  statuses?: ReadonlyMap<string, string>;
}) {
  const dcs = [...new Set(nodes.map((n) => n.dc))].sort();
  if (nodes.length > 60)
    return (
      <p className="muted">
        {nodes.length} nodes in {dcs.length} DCs
      </p>
    );
  return (
    <ul className="ring-legend">
      {dcs.map((dc) => (
        <li key={dc}>
          <span className="swatch" style={{ background: dcColor.get(dc) }} /> {dc}
          <ul>
            {nodes
              .filter((n) => n.dc === dc)
              .map((n) => (
                <li
                  key={n.address}
                  className={highlighted.includes(n.address) ? 'replica' : undefined}
                  data-testid={`ring-legend-${n.address}`}
                >
                  <span className="swatch" style={{ background: nodeColor.get(n.address) }} /> {n.address}{' '}
                  <span className="muted">{n.rack}</span>
                  {statuses?.get(n.address) ? (
                    <>
                      {' '}
                      <NodeStatusBadge value={statuses.get(n.address)!} testId={`ring-status-${n.address}`} />
                    </>
                  ) : null}
                  {alerting?.has(n.address) ? (
                    <>
                      {' '}
                      <StatusBadge tone="bad" icon={BellRing} testId={`ring-alert-${n.address}`}>
                        alert
                      </StatusBadge>
                    </>
                  ) : null}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
