import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { oneOf, text, urlParams } from './url-params';
import { useUrlState } from './use-url-state';

// The hook reads Next's search params once; the test gives it the jsdom location's.
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));

const filter = urlParams({ state: oneOf(['all', 'running', 'failed'], 'all'), text: text(20) });
const DEFAULTS = { state: 'all' as const, text: '' };

const at = (url: string) => window.history.replaceState(null, '', url);

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
