import { describe, expect, it } from 'vitest';
import { bucketsBetween, resolutionFor, RESOLUTIONS } from './resolutions';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('resolutions', () => {
  it('charts 15 minutes raw, a day by the minute, a week by 5 minutes and 30 days by 2 hours', () => {
    expect(resolutionFor(15 * MIN).name).toBe('raw');
    expect(resolutionFor(DAY).name).toBe('1m');
    expect(resolutionFor(7 * DAY).name).toBe('5m');
    expect(resolutionFor(30 * DAY).name).toBe('2h');
  });

  it('keeps each for as long as the issue asks: 1 min 7 days, 5 min 28 days, 2 h a year', () => {
    expect(Object.fromEntries(RESOLUTIONS.map((r) => [r.name, r.ttlSeconds / 86_400]))).toEqual({
      raw: 2,
      '1m': 7,
      '5m': 28,
      '2h': 365,
    });
  });

  it('lists the partitions a range touches, newest first', () => {
    const raw = RESOLUTIONS[0];
    expect(bucketsBetween(raw, 10 * HOUR + 5 * MIN, 12 * HOUR + 1)).toEqual([12 * HOUR, 11 * HOUR, 10 * HOUR]);
    expect(bucketsBetween(raw, 10 * HOUR, 10 * HOUR + 30 * MIN)).toEqual([10 * HOUR]);
  });
});
