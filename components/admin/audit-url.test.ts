import { describe, expect, it } from 'vitest';
import { filterOf } from './audit-filter';
import { AUDIT_FILTER_PARAMS, formOf } from './audit-url';

const urlOf = (filter: Parameters<typeof AUDIT_FILTER_PARAMS.write>[0], base = '') => {
  const params = new URLSearchParams(base);
  AUDIT_FILTER_PARAMS.write(filter, params);
  return params;
};

describe('the audit filter in the URL', () => {
  it('writes the applied filter with times in UTC to the minute, and reads it back as applied', () => {
    const form = {
      user: 'ana@',
      action: 'users.',
      cluster: '',
      outcome: 'refused',
      from: '2024-05-01T10:00',
      to: '2024-05-01T12:30',
    };
    const filter = filterOf(form);
    const params = urlOf(filter, 'other=1');
    const from = new Date(2024, 4, 1, 10, 0).toISOString().slice(0, 16);
    const to = new Date(2024, 4, 1, 12, 30).toISOString().slice(0, 16);
    expect(params.toString()).toBe(
      `other=1&user=ana%40&action=users.&outcome=refused&from=${encodeURIComponent(`${from}Z`)}&to=${encodeURIComponent(`${to}Z`)}`,
    );
    expect(AUDIT_FILTER_PARAMS.read(params)).toEqual(filter);
    // The form a link opens with is the form that made the filter.
    expect(formOf(AUDIT_FILTER_PARAMS.read(params))).toEqual(form);
  });

  it('leaves out an empty filter and reads no parameters as no filter', () => {
    expect(urlOf({}).toString()).toBe('');
    expect(AUDIT_FILTER_PARAMS.read(new URLSearchParams(''))).toEqual({});
    expect(formOf({})).toEqual({ user: '', action: '', cluster: '', outcome: '', from: '', to: '' });
  });

  it('reads what it cannot use as no filter on that field, and keeps the rest', () => {
    const read = AUDIT_FILTER_PARAMS.read(
      new URLSearchParams(
        `outcome=exploded&from=2024-13-45T99:99Z&to=yesterday&cluster=${'c'.repeat(65)}&action=users.`,
      ),
    );
    expect(read).toEqual({ action: 'users.' });
    expect(AUDIT_FILTER_PARAMS.read(new URLSearchParams('from=2024-05-01T10:00Z')).from).toBe(
      Date.UTC(2024, 4, 1, 10, 0),
    );
    // "to" is the last minute included.
    expect(AUDIT_FILTER_PARAMS.read(new URLSearchParams('to=2024-05-01T10:00Z')).to).toBe(
      Date.UTC(2024, 4, 1, 10, 0, 59, 999),
    );
  });
});
