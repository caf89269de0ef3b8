import { describe, expect, it } from 'vitest';
import { confirmationOf, type UserRow } from './user-actions';

const ana: UserRow = {
  id: 'u-ana',
  email: 'ana@example.com',
  name: 'Ana',
  disabled: false,
  createdAt: 0,
  grants: [{ cluster: 'demo', role: 'viewer' }],
};

describe('what a confirmation says before a user loses something', () => {
  it('shows a grants change as before → after, and that their sessions end', () => {
    const c = confirmationOf({ kind: 'set-grants', user: ana, grants: [{ cluster: '*', role: 'operator' }] }, 'u-me');
    expect(c.title).toBe('Change the grants of ana@example.com?');
    expect(c.statement).toBe('viewer on demo  →  operator on every cluster');
    expect(c.consequence).toBe('Their sessions end now: the new grants count from their next sign-in.');
  });

  it('warns an administrator acting on themselves that their own session ends', () => {
    expect(confirmationOf({ kind: 'set-grants', user: ana, grants: [] }, 'u-ana').consequence).toMatch(
      /^These are your own grants: your sessions end now/,
    );
    expect(confirmationOf({ kind: 'revoke-sessions', user: ana }, 'u-ana').consequence).toBe(
      'This includes the session you are using: you sign in again.',
    );
  });

  it('names the user and the effect of disabling and of a password reset', () => {
    const disable = confirmationOf({ kind: 'disable', user: ana }, 'u-me');
    expect(disable.statement).toBe('disable ana@example.com');
    expect(disable.consequence).toMatch(/cannot sign in, and their sessions end now/);
    const reset = confirmationOf({ kind: 'reset-password', user: ana }, 'u-me');
    expect(reset.consequence).toMatch(/current password stops working and their sessions end.*shown once/);
  });
});
