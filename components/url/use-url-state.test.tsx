import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flag, int, oneOf, text, urlParams, useUrlState } from './use-url-state';

// The hook reads Next's search params once; the test gives it the jsdom location's.
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));

const filter = urlParams({
  state: oneOf(['all', 'running', 'failed'], 'all'),
  text: text(20),
  limit: int(100, 1, 1000),
  system: flag(true),
});
const DEFAULTS = { state: 'all' as const, text: '', limit: 100, system: true };

const at = (url: string) => window.history.replaceState(null, '', url);

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

describe('useUrlState', () => {
  beforeEach(() => at('/clusters/demo/activity'));

  it('starts from the URL and writes each change back, path and hash kept', () => {
    at('/clusters/demo/activity?state=failed&other=1#jobs');
    const { result } = renderHook(() => useUrlState(filter));
    expect(result.current[0]).toEqual({ ...DEFAULTS, state: 'failed' });
    act(() => result.current[1]({ ...DEFAULTS, state: 'failed', text: 'repair' }));
    expect(result.current[0].text).toBe('repair');
    expect(window.location.pathname).toBe('/clusters/demo/activity');
    expect(window.location.search).toBe('?state=failed&other=1&text=repair');
    expect(window.location.hash).toBe('#jobs');
  });

  it('leaves a clean address when everything is back at its default', () => {
    at('/clusters/demo/activity?state=failed');
    const { result } = renderHook(() => useUrlState(filter));
    const before = window.history.length;
    act(() => result.current[1](DEFAULTS));
    expect(window.location.href).toMatch(/\/clusters\/demo\/activity$/);
    // Replaced, not pushed: the back button does not step through every change of a filter.
    expect(window.history.length).toBe(before);
  });
});
