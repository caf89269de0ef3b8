import { describe, expect, it } from 'vitest';
import {
  auditCsvHref,
  combinePages,
  EMPTY_FILTER_FORM,
  filterFormProblem,
  filterOf,
  formatLocalTime,
  localInputToMs,
  type AuditEntry,
} from './audit-filter';

function entry(id: number): AuditEntry {
  return {
    id,
    at: 1_700_000_000_000 + id,
    userId: 'u1',
    userEmail: 'ana@example.com',
    role: 'console-admin',
    ip: '127.0.0.1',
    userAgent: null,
    action: 'users.add',
    cluster: null,
    target: null,
    params: null,
    outcome: 'ok',
    detail: null,
    requestId: null,
  };
}

const ids = (entries: AuditEntry[]) => entries.map((e) => e.id);

describe('the audit filter form', () => {
  it('leaves empty fields out and trims the rest', () => {
    expect(filterOf(EMPTY_FILTER_FORM)).toEqual({});
    expect(
      filterOf({ ...EMPTY_FILTER_FORM, user: ' ana@ ', action: 'users.', cluster: ' demo', outcome: 'refused' }),
    ).toEqual({ user: 'ana@', action: 'users.', cluster: 'demo', outcome: 'refused' });
  });

  it('reads the time range in local time, "to" up to the end of its minute', () => {
    const from = new Date(2024, 4, 1, 10, 0).getTime();
    const to = new Date(2024, 4, 1, 10, 30).getTime();
    expect(filterOf({ ...EMPTY_FILTER_FORM, from: '2024-05-01T10:00', to: '2024-05-01T10:30' })).toEqual({
      from,
      to: to + 59_999,
    });
    expect(formatLocalTime(from)).toBe('2024-05-01 10:00:00');
    expect(localInputToMs('')).toBeUndefined();
    expect(localInputToMs('soon')).toBeUndefined();
  });

  it('says what is wrong rather than applying it', () => {
    expect(filterFormProblem(EMPTY_FILTER_FORM)).toBeNull();
    expect(filterFormProblem({ ...EMPTY_FILTER_FORM, from: '2024-05-02T00:00', to: '2024-05-01T00:00' })).toBe(
      'the range ends before it starts',
    );
    expect(filterFormProblem({ ...EMPTY_FILTER_FORM, from: 'yesterday' })).toBe('"yesterday" is not a time');
    expect(filterFormProblem({ ...EMPTY_FILTER_FORM, outcome: 'maybe' })).toBe(
      '"maybe" is not an outcome (ok, failed, refused, throttled)',
    );
  });

  it('links the CSV route with the same filter (the names app/api/audit/route.ts reads)', () => {
    expect(auditCsvHref({})).toBe('/api/audit');
    expect(auditCsvHref({ user: 'ana@example.com', action: 'users.', outcome: 'ok', from: 5, to: 9 })).toBe(
      '/api/audit?user=ana%40example.com&action=users.&outcome=ok&from=5&to=9',
    );
  });
});

describe('combinePages', () => {
  it('lists the pages newest first and continues before the last id of a full page', () => {
    const { entries, olderBeforeId } = combinePages([[entry(9), entry(8), entry(7)]], 3);
    expect(ids(entries)).toEqual([9, 8, 7]);
    expect(olderBeforeId).toBe(7);
  });

  it('stops at a short page: that is the oldest entry', () => {
    const { entries, olderBeforeId } = combinePages([[entry(9), entry(8), entry(7)], [entry(6)]], 3);
    expect(ids(entries)).toEqual([9, 8, 7, 6]);
    expect(olderBeforeId).toBeNull();
  });

  it('has no next page while the last one is still being read, and shows an entry once', () => {
    expect(combinePages([[entry(9), entry(8)], undefined], 2)).toEqual({
      entries: [entry(9), entry(8)],
      olderBeforeId: null,
    });
    expect(
      ids(
        combinePages(
          [
            [entry(9), entry(8)],
            [entry(8), entry(7)],
          ],
          2,
        ).entries,
      ),
    ).toEqual([9, 8, 7]);
  });
});
