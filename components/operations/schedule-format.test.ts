import { describe, expect, it } from 'vitest';
import { emptyScheduleForm, nextDueWords, scheduleInputOf, spanWords, toLocalInput } from './schedule-format';

const NOW = new Date('2025-06-30T12:20:00').getTime();

describe('the schedule form', () => {
  it('starts weekly from the next whole hour', () => {
    expect(emptyScheduleForm(NOW)).toMatchObject({ intervalDays: '7', firstStart: '2025-06-30T13:00' });
  });

  it('refuses an interval that is not a whole number of days from 1 to 365, and a missing first start', () => {
    const form = { ...emptyScheduleForm(NOW), keyspace: 'shop' };
    for (const intervalDays of ['0', '1.5', '366', 'weekly', ''])
      expect(scheduleInputOf({ ...form, intervalDays }).problem).toMatch(/^every: /);
    expect(scheduleInputOf({ ...form, firstStart: '' }).problem).toBe('first start: "" is not a time');
    expect(scheduleInputOf({ ...form, intervalDays: ' 14 ' }).input).toMatchObject({ intervalDays: 14 });
  });
});

describe('schedule words', () => {
  it('says when the next run is due, owed, or paused', () => {
    const hour = 3600_000;
    expect(nextDueWords({ enabled: true, nextDueAt: NOW + 26 * hour }, NOW)).toBe(
      `${toLocalInput(NOW + 26 * hour).replace('T', ' ')} (in 1 d 2 h)`,
    );
    expect(nextDueWords({ enabled: false, nextDueAt: NOW + hour }, NOW)).toMatch(/\(in 1 h\), paused$/);
    expect(nextDueWords({ enabled: false, nextDueAt: NOW - hour }, NOW)).toBe(
      'owed since 2025-06-30 11:20: runs on resume',
    );
    expect(spanWords(90_000)).toBe('1 min');
  });
});
