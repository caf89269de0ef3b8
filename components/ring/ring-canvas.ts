/**
 * The canvas renderer of large rings, apart from React. Past a couple of thousand arcs most are
 * narrower than a pixel, so the ring is drawn at display resolution: one wedge per pixel of
 * circumference, owned by the range under its centre (the same hit test as hover), runs of one
 * owner merged, one fill per colour. Cost follows the ring's size on screen, not the number of vnodes.
 */
import { arcAt, type RingArc } from './ring-geometry';

export interface RingNodeInfo {
  address: string;
  dc: string;
  rack: string;
}

export interface RingPaint {
  arcs: RingArc[];
  nodes: RingNodeInfo[];
  /** CSS pixels. */
  size: number;
  /** Radii of the owners' ring. */
  inner: number;
  outer: number;
  /** Radii of the DC band inside it. */
  bandInner: number;
  bandOuter: number;
  nodeColor: Map<string, string>;
  dcColor: Map<string, string>;
}

const TURN = 2 * Math.PI;

/** Paints both bands onto `canvas` at `ratio` device pixels per CSS pixel; false if it has no 2D context. */
export function paintRing(canvas: HTMLCanvasElement, paint: RingPaint, ratio: number): boolean {
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  const { arcs, nodes, size, inner, outer, bandInner, bandOuter, nodeColor, dcColor } = paint;
  canvas.width = size * ratio;
  canvas.height = size * ratio;
  ctx.setTransform(ratio, 0, 0, ratio, size / 2, size / 2);
  ctx.clearRect(-size / 2, -size / 2, size, size);
  const owners = ownersPerSlice(arcs, Math.ceil(TURN * outer * ratio));
  const dcOf = new Map(nodes.map((n) => [n.address, n.dc]));
  drawRuns(ctx, owners, inner, outer, (owner) => nodeColor.get(owner) ?? '#999');
  drawRuns(
    ctx,
    owners.map((o) => dcOf.get(o) ?? '?'),
    bandInner,
    bandOuter,
    (dc) => dcColor.get(dc) ?? '#ccc',
  );
  return true;
}

/** The owner of the range under the centre of each of `slices` equal wedges, clockwise from 12 o'clock. */
export function ownersPerSlice(arcs: RingArc[], slices: number): string[] {
  const owners = new Array<string>(slices);
  for (let i = 0; i < slices; i++) owners[i] = arcAt(arcs, (i + 0.5) / slices)?.owner ?? '';
  return owners;
}

/** Consecutive slices with the same key as runs (fractions of a turn), grouped by colour. */
export function runsByColor(keys: string[], colorOf: (key: string) => string): Map<string, [number, number][]> {
  const byColor = new Map<string, [number, number][]>();
  let runStart = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[runStart]) continue;
    const color = colorOf(keys[runStart] ?? '');
    const list = byColor.get(color);
    const run: [number, number] = [runStart / keys.length, i / keys.length];
    if (list) list.push(run);
    else byColor.set(color, [run]);
    runStart = i;
  }
  return byColor;
}

/** Draws each run as one wedge, batching the wedges of a colour into one fill. */
function drawRuns(
  ctx: CanvasRenderingContext2D,
  keys: string[],
  inner: number,
  outer: number,
  colorOf: (key: string) => string,
): void {
  for (const [color, runs] of runsByColor(keys, colorOf)) {
    ctx.beginPath();
    for (const [from, to] of runs) {
      // Angles from 12 o'clock clockwise, as in the SVG: canvas counts from 3 o'clock.
      const s = from * TURN - Math.PI / 2;
      const e = to * TURN - Math.PI / 2;
      ctx.moveTo(Math.cos(s) * inner, Math.sin(s) * inner);
      ctx.arc(0, 0, outer, s, e);
      ctx.arc(0, 0, inner, e, s, true);
      ctx.closePath();
    }
    ctx.fillStyle = color;
    ctx.fill();
  }
}
