'use client';
/**
 * /admin/users: add users, change their grants, reset passwords, disable them, end their sessions.
 * What takes something away asks first; every failure is the server's own words.
 */
import { useState } from 'react';
import type { Grant } from '@/lib/roles';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import { AddUserForm, type NewUser } from './add-user-form';
import { GrantsEditor } from './grants-editor';
import { describeGrants, grantsProblem, sameGrants, type ClusterChoice } from './grants';
import { OneTimePassword } from './one-time-password';
import { confirmationOf, type UserAction, type UserRow } from './user-actions';
import { UserTable, type RowAction } from './user-table';
import { useUserMutations, useUsers } from './use-users';

interface ShownPassword {
  email: string;
  password: string;
  why: 'added' | 'reset';
}

export function UsersAdmin({ clusters, currentUserId }: { clusters: ClusterChoice[]; currentUserId: string }) {
  const users = useUsers();
  const { add, setGrants, resetPassword, setDisabled, revokeSessions } = useUserMutations();
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const [editing, setEditing] = useState<{ user: UserRow; grants: Grant[] } | null>(null);
  const [confirming, setConfirming] = useState<UserAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const changing = [setGrants, resetPassword, setDisabled, revokeSessions];
  const busy = changing.some((m) => m.isPending);

  /** A new action starts with no outcome of the last one on screen. */
  function startAction() {
    for (const m of changing) m.reset();
    setNotice(null);
  }

  function dismissPassword() {
    setShown(null);
    // The mutations' results hold the password too: drop them with it.
    add.reset();
    resetPassword.reset();
  }

  function onRowAction(action: RowAction, user: UserRow) {
    startAction();
    switch (action) {
      case 'edit-grants':
        return setEditing({ user, grants: user.grants });
      case 'enable':
        return setDisabled.mutate(
          { userId: user.id, disabled: false },
          { onSuccess: () => setNotice(`${user.email} is enabled: they can sign in again.`) },
        );
      case 'disable':
        return setConfirming({ kind: 'disable', user });
      case 'reset-password':
        return setConfirming({ kind: 'reset-password', user });
      case 'revoke-sessions':
        return setConfirming({ kind: 'revoke-sessions', user });
    }
  }

  function run(action: UserAction) {
    const { id: userId, email } = action.user;
    const onSettled = () => setConfirming(null);
    switch (action.kind) {
      case 'set-grants':
        return setGrants.mutate(
          { userId, grants: action.grants },
          {
            onSettled,
            onSuccess: () => {
              setEditing(null);
              setNotice(`Grants of ${email} are now: ${describeGrants(action.grants)}. Their sessions ended.`);
            },
          },
        );
      case 'reset-password':
        return resetPassword.mutate(
          { userId },
          {
            onSettled,
            onSuccess: ({ password }) => {
              dismissPassword();
              setShown({ email, password, why: 'reset' });
            },
          },
        );
      case 'disable':
        return setDisabled.mutate(
          { userId, disabled: true },
          { onSettled, onSuccess: () => setNotice(`${email} is disabled and signed out everywhere.`) },
        );
      case 'revoke-sessions':
        return revokeSessions.mutate(
          { userId },
          { onSettled, onSuccess: () => setNotice(`Every session of ${email} has ended.`) },
        );
    }
  }

  async function addUser(user: NewUser): Promise<boolean> {
    startAction();
    try {
      const { password } = await add.mutateAsync(user);
      setShown({ email: user.email.toLowerCase(), password, why: 'added' });
      return true;
    } catch {
      return false; // add.error holds why, shown under the form
    }
  }

  const confirmation = confirming ? confirmationOf(confirming, currentUserId) : null;
  const editProblem = editing ? grantsProblem(editing.grants) : null;

  return (
    <div className="users-admin" data-testid="users-admin">
      {shown ? <OneTimePassword {...shown} onDone={dismissPassword} /> : null}
      <AddUserForm clusters={clusters} busy={add.isPending} error={add.isError ? add.error : null} onAdd={addUser} />

      <h3>Users</h3>
      {notice ? (
        <p className="ok-box" role="status" data-testid="users-notice">
          {notice}
        </p>
      ) : null}
      {resetPassword.isError ? (
        <ErrorBox title="Password not reset:" error={resetPassword.error} testId="reset-password-error" />
      ) : null}
      {setDisabled.isError ? (
        <ErrorBox
          title={setDisabled.variables?.disabled ? 'Not disabled:' : 'Not enabled:'}
          error={setDisabled.error}
          testId="set-disabled-error"
        />
      ) : null}
      {revokeSessions.isError ? (
        <ErrorBox title="Sessions not ended:" error={revokeSessions.error} testId="revoke-sessions-error" />
      ) : null}
      <QueryState
        query={users}
        loading="Reading the users…"
        errorTitle="Cannot read the users:"
        errorTestId="users-error"
      >
        {(list) => <UserTable users={list} currentUserId={currentUserId} busy={busy} onAction={onRowAction} />}
      </QueryState>

      {editing ? (
        <section className="editor" data-testid="grants-panel">
          <h3>Grants of {editing.user.email}</h3>
          <GrantsEditor
            grants={editing.grants}
            clusters={clusters}
            onChange={(grants) => setEditing({ ...editing, grants })}
            testId="edit-grants"
          />
          <button
            type="button"
            disabled={busy || editProblem !== null || sameGrants(editing.grants, editing.user.grants)}
            data-testid="grants-save"
            onClick={() => setConfirming({ kind: 'set-grants', user: editing.user, grants: editing.grants })}
          >
            Save…
          </button>{' '}
          <button type="button" data-testid="grants-cancel" onClick={() => setEditing(null)}>
            Cancel
          </button>
          {setGrants.isError ? (
            <ErrorBox title="Grants not changed:" error={setGrants.error} testId="grants-error" />
          ) : null}
        </section>
      ) : null}

      {confirming && confirmation ? (
        <ConfirmDialog
          title={confirmation.title}
          statement={confirmation.statement}
          confirmLabel={confirmation.confirmLabel}
          cancelLabel="Cancel"
          busy={busy}
          onAnswer={(yes) => (yes ? run(confirming) : setConfirming(null))}
        >
          <p>{confirmation.consequence}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
