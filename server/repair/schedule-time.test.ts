import { describe, expect, it } from 'vitest';
import { DAY_MS, nextOccurrence, occurrencesDue } from './schedule-time';

const first = Date.UTC(2025, 0, 6, 2, 0); // Monday 02:00 UTC

describe('repair schedule occurrences', () => {
  it('is the first start until then, and at it', () => {
    expect(nextOccurrence(first, 7, first - 5 * DAY_MS)).toBe(first);
    expect(nextOccurrence(first, 7, first)).toBe(first);
    expect(nextOccurrence(first, 7, first, true)).toBe(first + 7 * DAY_MS);
  });

  it('steps every interval from the first start, keeping its hour', () => {
    expect(nextOccurrence(first, 7, first + 1)).toBe(first + 7 * DAY_MS);
    expect(nextOccurrence(first, 7, first + 7 * DAY_MS)).toBe(first + 7 * DAY_MS);
    expect(nextOccurrence(first, 7, first + 7 * DAY_MS, true)).toBe(first + 14 * DAY_MS);
    expect(nextOccurrence(first, 3, first + 10 * DAY_MS + 3600_000)).toBe(first + 12 * DAY_MS);
    expect(new Date(nextOccurrence(first, 1, first + 400 * DAY_MS + 1)).getUTCHours()).toBe(2);
  });

  it('after a run started late, the next is the first occurrence after the start, not the ones it missed', () => {
    // Due on day 7, started on day 23 (the console was down): next on day 28, not 14 or 21.
    const started = first + 23 * DAY_MS;
    expect(nextOccurrence(first, 7, started, true)).toBe(first + 28 * DAY_MS);
    expect(occurrencesDue(first + 7 * DAY_MS, 7, started)).toBe(3);
  });

  it('counts the occurrences due from the one owed to now', () => {
    expect(occurrencesDue(first, 1, first - 1)).toBe(0);
    expect(occurrencesDue(first, 1, first)).toBe(1);
    expect(occurrencesDue(first, 1, first + DAY_MS - 1)).toBe(1);
    expect(occurrencesDue(first, 1, first + DAY_MS)).toBe(2);
  });

  it('refuses an interval below one day', () => {
    expect(() => nextOccurrence(first, 0, first)).toThrow(RangeError);
    expect(() => nextOccurrence(first, 1.5, first)).toThrow(RangeError);
  });
});
