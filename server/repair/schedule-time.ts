/**
 * When a repair schedule is due, pure. A schedule's occurrences are `firstStartAt + k × intervalDays`
 * for k = 0, 1, 2, …, a day being 24 hours of elapsed time (so a run keeps its hour in UTC, not
 * across a daylight-saving change). A run started late — postponed behind another run, or after
 * the console was down over several occurrences — is one run, and the next one is due at the first
 * occurrence after it started: missed occurrences are counted and said, never run in a burst.
 */

export const DAY_MS = 24 * 3600_000;

/** The first occurrence at or after `at` (strictly after, when `strictly`). */
export function nextOccurrence(firstStartAt: number, intervalDays: number, at: number, strictly = false): number {
  if (!Number.isInteger(intervalDays) || intervalDays < 1) throw new RangeError(`intervalDays ${intervalDays} < 1`);
  const interval = intervalDays * DAY_MS;
  if (at < firstStartAt || (!strictly && at === firstStartAt)) return firstStartAt;
  const passed = Math.floor((at - firstStartAt) / interval);
  const candidate = firstStartAt + passed * interval;
  return candidate > at || (!strictly && candidate === at) ? candidate : candidate + interval;
}

/** How many occurrences fell due from `dueAt` up to `now` (both included): 0 when not yet due. */
export function occurrencesDue(dueAt: number, intervalDays: number, now: number): number {
  if (now < dueAt) return 0;
  return Math.floor((now - dueAt) / (intervalDays * DAY_MS)) + 1;
}
