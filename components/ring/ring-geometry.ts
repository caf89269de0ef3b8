/**
 * Screen geometry of the ring, shared by the SVG and canvas renderers and the hit test. Angles
 * are fractions of a turn from the minimum token; floats are plenty for pixels (the exact tokens
 * stay strings and are only shown, never computed with here).
 */
export interface RingArc {
  index: number;
  start: number;
  end: number;
  owner: string;
}

const TWO_POW_63 = 2 ** 63;
const TWO_POW_64 = 2 ** 64;

export function turnOf(token: string): number {
  return (Number(token) + TWO_POW_63) / TWO_POW_64;
}

/** Arcs from ranges sorted by end token; a wrapping range ends past 1. */
export function arcsOf(ranges: { start: string; end: string; owner: string }[]): RingArc[] {
  return ranges.map((range, index) => {
    const start = turnOf(range.start);
    let end = turnOf(range.end);
    if (end <= start) end += 1;
    return { index, start, end, owner: range.owner };
  });
}

/**
 * The arc under a point, by binary search: O(log n) however many vnodes. Expects arcs sorted by
 * end token, so arcs[0] is the one that wraps past the maximum token and the rest end in order.
 */
export function arcAt(arcs: RingArc[], turn: number): RingArc | undefined {
  if (arcs.length === 0) return undefined;
  const t = ((turn % 1) + 1) % 1 || 1;
  let low = 1;
  let high = arcs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((arcs[mid]?.end ?? 0) < t) low = mid + 1;
    else high = mid;
  }
  const hit = arcs[low];
  return hit !== undefined && t > hit.start ? hit : arcs[0];
}

/** Turn (0 at 12 o'clock, clockwise) of a point relative to the centre. */
export function turnAtPoint(x: number, y: number): number {
  const angle = Math.atan2(x, -y);
  return (angle < 0 ? angle + 2 * Math.PI : angle) / (2 * Math.PI);
}
