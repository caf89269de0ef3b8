import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QueryState } from './query-state';

const show = (data: string[]) => (
  <ul>
    {data.map((d) => (
      <li key={d}>{d}</li>
    ))}
  </ul>
);

describe('QueryState', () => {
  it('shows a skeleton with words while loading, never nothing', () => {
    render(
      <QueryState query={{ data: undefined, error: null, isError: false }} loading="Reading the rules…">
        {show}
      </QueryState>,
    );
    expect(screen.getByRole('status').textContent).toContain('Reading the rules…');
    expect(screen.getByTestId('loading').querySelectorAll('[data-slot="skeleton"]').length).toBeGreaterThan(0);
  });

  it('says what failed and retries with the query’s refetch', async () => {
    let finish: () => void = () => {};
    const refetch = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(
      <QueryState
        query={{ data: undefined, error: new Error('no node answered'), isError: true, refetch }}
        loading="…"
        errorTitle="Cannot read the rules:"
      >
        {show}
      </QueryState>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Cannot read the rules: no node answered');
    fireEvent.click(screen.getByTestId('retry'));
    expect(refetch).toHaveBeenCalledOnce();
    expect((screen.getByTestId('retry') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('retry').textContent).toContain('Trying again…');
    await act(async () => finish());
    expect((screen.getByTestId('retry') as HTMLButtonElement).disabled).toBe(false);
  });

  it('keeps older data on screen under a failed refetch, and says when there is nothing', () => {
    const { rerender } = render(
      <QueryState query={{ data: ['a'], error: new Error('timed out'), isError: true }} loading="…">
        {show}
      </QueryState>,
    );
    expect(screen.getByRole('alert').textContent).toContain('timed out');
    expect(screen.getByText('a')).toBeTruthy();
    rerender(
      <QueryState
        query={{ data: [], error: null, isError: false }}
        loading="…"
        isEmpty={(d) => d.length === 0}
        empty="No rules yet: add one below."
      >
        {show}
      </QueryState>,
    );
    expect(screen.getByText('No rules yet: add one below.')).toBeTruthy();
  });
});
