/**
 * The users page's actions that take something away (sessions, a password, access) and what the
 * confirmation says about each before it runs. Pure: the page asks here, the test reads the words.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { Grant } from '@/lib/roles';
import type { AppRouter } from '@/server/routers/_app';
import { describeGrants } from './grants';

export type UserRow = inferRouterOutputs<AppRouter>['users']['list'][number];

export type UserAction =
  | { kind: 'set-grants'; user: UserRow; grants: Grant[] }
  | { kind: 'reset-password'; user: UserRow }
  | { kind: 'disable'; user: UserRow }
  | { kind: 'revoke-sessions'; user: UserRow };

export interface Confirmation {
  title: string;
  /** The change itself, exactly: shown in the dialog's statement box. */
  statement: string;
  /** What follows from it, in the dialog's body. */
  consequence: string;
  confirmLabel: string;
}

export function confirmationOf(action: UserAction, currentUserId: string): Confirmation {
  const { email } = action.user;
  const yourself = action.user.id === currentUserId;
  switch (action.kind) {
    case 'set-grants':
      return {
        title: `Change the grants of ${email}?`,
        statement: `${describeGrants(action.user.grants)}  →  ${describeGrants(action.grants)}`,
        consequence: yourself
          ? 'These are your own grants: your sessions end now, and you sign in again with the new ones.'
          : 'Their sessions end now: the new grants count from their next sign-in.',
        confirmLabel: 'Change grants',
      };
    case 'reset-password':
      return {
        title: `Reset the password of ${email}?`,
        statement: `new generated password for ${email}`,
        consequence: `Their current password stops working and ${yourself ? 'your' : 'their'} sessions end. The new password is shown once, here.`,
        confirmLabel: 'Reset password',
      };
    case 'disable':
      return {
        title: `Disable ${email}?`,
        statement: `disable ${email}`,
        consequence: 'They cannot sign in, and their sessions end now. You can enable them again later.',
        confirmLabel: 'Disable',
      };
    case 'revoke-sessions':
      return {
        title: `Sign ${email} out everywhere?`,
        statement: `end every session of ${email}`,
        consequence: yourself
          ? 'This includes the session you are using: you sign in again.'
          : 'Every browser they are signed in with is signed out; their password still works.',
        confirmLabel: 'End sessions',
      };
  }
}
