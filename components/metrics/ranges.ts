/** The charts' time ranges, by the label the URL carries (`?range=1h`), shared by the metrics page and the overview. */
export const RANGES = [
  ['15m', 15 * 60_000],
  ['1h', 3_600_000],
  ['6h', 6 * 3_600_000],
  ['24h', 24 * 3_600_000],
  ['7d', 7 * 86_400_000],
  ['30d', 30 * 86_400_000],
] as const;

export type Range = (typeof RANGES)[number];
export type RangeLabel = Range[0];

/** The range a URL names, or `fallback` for none or one this console does not offer. */
export function rangeOf(label: string | null, fallback: Range = RANGES[0]): Range {
  return RANGES.find((r) => r[0] === label) ?? fallback;
}

/** The current URL with `range` set (or removed when it is the view's default), without a server round trip. */
export function writeRangeToUrl(pathname: string, range: Range, fallback: Range): void {
  const params = new URLSearchParams(window.location.search);
  if (range === fallback) params.delete('range');
  else params.set('range', range[0]);
  const query = params.toString();
  window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
}
