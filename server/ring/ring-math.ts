/**
 * Token-ring arithmetic on signed 64-bit Murmur3 tokens, in BigInt (never JS numbers: tokens
 * pass 2^53). A range is (start, end]: the node holding `end` is its primary owner.
 */
export const RING_SIZE = 2n ** 64n;
export const MIN_TOKEN = -(2n ** 63n);

export interface TokenRange {
  start: string;
  end: string;
}

/** Width of (start, end], wrapping past the maximum token; start = end means the whole ring. */
export function rangeWidth(range: TokenRange): bigint {
  const width = (BigInt(range.end) - BigInt(range.start) + RING_SIZE) % RING_SIZE;
  return width === 0n ? RING_SIZE : width;
}

/** Sorted tokens → the ranges between them, the first wrapping from the last token. */
export function rangesFromTokens(tokens: string[]): TokenRange[] {
  const sorted = [...tokens].sort((a, b) => compareTokens(a, b));
  const last = sorted.at(-1);
  if (last === undefined) return [];
  const ranges: TokenRange[] = [];
  let start = last; // the first range wraps from the last token
  for (const end of sorted) {
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

export function compareTokens(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Fraction of the ring each replica holds, from ranges and their replica lists (effective ownership). */
export function ownershipFromReplicas(ranges: { range: TokenRange; replicas: string[] }[]): Record<string, number> {
  const owned = new Map<string, bigint>();
  for (const { range, replicas } of ranges) {
    const width = rangeWidth(range);
    for (const replica of replicas) owned.set(replica, (owned.get(replica) ?? 0n) + width);
  }
  // Scale before dividing so the fraction keeps 9 significant digits.
  return Object.fromEntries(
    [...owned].map(([node, width]) => [node, Number((width * 1_000_000_000n) / RING_SIZE) / 1_000_000_000]),
  );
}

/** Position of a token on a circle, 0 at the minimum token, as a fraction of a full turn. */
export function tokenAngle(token: string): number {
  return Number(((BigInt(token) - MIN_TOKEN) * 1_000_000n) / RING_SIZE) / 1_000_000;
}
