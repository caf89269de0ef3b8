import { z } from 'zod';
import type { Param } from '@/components/url/url-params';

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

const LABELS = RANGES.map((r) => r[0]) as [RangeLabel, ...RangeLabel[]];

/** The `range` parameter of a view whose default is `fallback`, for useUrlState; `only` narrows the choice. */
export function rangeParam(fallback: Range, only: readonly Range[] = RANGES): Param<Range> {
  const labels = only.map((r) => r[0]);
  return {
    schema: z
      .enum(LABELS)
      .refine((label) => labels.includes(label))
      .transform((label) => rangeOf(label, fallback)),
    fallback,
    format: (range) => range[0],
  };
}
