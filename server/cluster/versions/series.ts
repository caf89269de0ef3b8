/** The release series the console tells apart, oldest first. Pure. */
export type Series = '4.0' | '4.1' | '5.0';

export const SERIES: readonly Series[] = ['4.0', '4.1', '5.0'];

/** 4.0.19 → 4.0; 4.1.10-SNAPSHOT → 4.1; 5.1.0 → 5.0 (the newest we know); unknown → 5.0; 3.11 → null (not supported). */
export function seriesOfRelease(release: string | null | undefined): Series | null {
  const match = /^(\d+)\.(\d+)/.exec(release ?? '');
  if (!match) return '5.0';
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major < 4) return null;
  if (major === 4) return minor === 0 ? '4.0' : '4.1';
  return '5.0';
}

/** Whether `series` is `since` or newer. */
export function atLeast(series: Series, since: Series): boolean {
  return SERIES.indexOf(series) >= SERIES.indexOf(since);
}
