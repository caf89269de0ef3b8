import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

/** A page as the console's are: a button that renders the dialog, which is removed once answered. */
function Page() {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" data-testid="opener" onClick={() => setAsking(true)}>
        Drop
      </button>
      {asking ? <ConfirmDialog title="Drop it?" statement="DROP TABLE t" onAnswer={() => setAsking(false)} /> : null}
    </>
  );
}

describe('ConfirmDialog', () => {
  it('starts on the refusal and gives the focus back to the button that opened it', async () => {
    render(<Page />);
    const opener = screen.getByTestId('opener');
    opener.focus();
    fireEvent.click(opener);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(document.activeElement).toBe(screen.getByTestId('confirm-no'));
    fireEvent.click(screen.getByTestId('confirm-no'));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
