import { describe, expect, it } from 'vitest';
import { flag, int, oneOf, text, urlParams } from './url-params';

const filter = urlParams({
  state: oneOf(['all', 'running', 'failed'], 'all'),
  text: text(20),
  limit: int(100, 1, 1000),
  system: flag(true),
});
const DEFAULTS = { state: 'all' as const, text: '', limit: 100, system: true };

describe('urlParams', () => {
  it('reads every parameter, and the defaults when there are none', () => {
    expect(filter.read(new URLSearchParams(''))).toEqual(DEFAULTS);
    expect(filter.read(new URLSearchParams('state=failed&text=shop&limit=5&system=0'))).toEqual({
      state: 'failed',
      text: 'shop',
      limit: 5,
      system: false,
    });
  });

  it('reads a hand-edited or unknown value as the default, without failing', () => {
    expect(filter.read(new URLSearchParams(`state=Sideways&text=${'x'.repeat(21)}&limit=1e3&system=yes`))).toEqual(
      DEFAULTS,
    );
    expect(filter.read(new URLSearchParams('limit=0')).limit).toBe(100);
    expect(filter.read(new URLSearchParams('limit=')).limit).toBe(100);
    expect(filter.read(new URLSearchParams('limit=1001')).limit).toBe(100);
  });

  it('writes what differs from the default and keeps the parameters of others', () => {
    const params = new URLSearchParams('text=old&keyspace=shop');
    filter.write({ ...DEFAULTS, state: 'running', system: false }, params);
    expect(params.toString()).toBe('keyspace=shop&state=running&system=0');
    expect(filter.read(params)).toEqual({ ...DEFAULTS, state: 'running', system: false });
  });
});
