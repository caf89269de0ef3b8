import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserRow } from './user-actions';
import { UsersAdmin } from './users-admin';

// The data hooks are mocked, not the network: the page is tested for what it sends and shows.
const hooks = vi.hoisted(() => {
  const mutation = () => ({
    mutate: vi.fn(),
    mutateAsync: vi.fn(),
    reset: vi.fn(),
    isPending: false,
    isError: false,
    error: null as Error | null,
    variables: undefined as unknown,
  });
  return {
    users: { data: undefined as UserRow[] | undefined, isError: false, error: null as Error | null },
    add: mutation(),
    setGrants: mutation(),
    resetPassword: mutation(),
    setDisabled: mutation(),
    revokeSessions: mutation(),
  };
});
vi.mock('./use-users', () => ({
  useUsers: () => hooks.users,
  useUserMutations: () => hooks,
}));

const ME: UserRow = {
  id: 'u-me',
  email: 'admin@example.com',
  name: 'Admin',
  disabled: false,
  createdAt: Date.UTC(2024, 0, 2),
  grants: [{ cluster: '*', role: 'admin' }],
};
const ANA: UserRow = {
  id: 'u-ana',
  email: 'ana@example.com',
  name: 'Ana',
  disabled: false,
  createdAt: Date.UTC(2024, 0, 3),
  grants: [{ cluster: 'demo', role: 'viewer' }],
};
const CLUSTERS = [
  { id: 'demo', name: 'Local demo cluster' },
  { id: 'prod', name: 'prod' },
];

/** A mutation that succeeds with `result`, calling the page's callbacks as TanStack Query does. */
function succeedsWith(result: unknown) {
  return (variables: unknown, options?: { onSuccess?(data: unknown, v: unknown): void; onSettled?(): void }) => {
    options?.onSuccess?.(result, variables);
    options?.onSettled?.();
  };
}

const row = (email: string) => within(screen.getByTestId(`user-row-${email}`));

function renderPage() {
  return render(<UsersAdmin clusters={CLUSTERS} currentUserId="u-me" />);
}

beforeEach(() => {
  hooks.users.data = [ME, ANA];
  Object.assign(hooks.users, { isError: false, error: null });
  for (const m of [hooks.add, hooks.setGrants, hooks.resetPassword, hooks.setDisabled, hooks.revokeSessions]) {
    m.mutate.mockReset();
    m.mutateAsync.mockReset();
    m.reset.mockReset();
    Object.assign(m, { isPending: false, isError: false, error: null, variables: undefined });
  }
});

describe('UsersAdmin', () => {
  it('lists each user with grants, state and id, and offers no way to disable yourself', () => {
    renderPage();
    expect(row('ana@example.com').getByTestId('user-grants').textContent).toBe('viewer on demo');
    expect(row('ana@example.com').getByTestId('user-state').textContent).toBe('active');
    expect(row('ana@example.com').getByTestId('user-id').textContent).toBe('u-ana');
    expect(row('admin@example.com').getByTestId('user-grants').textContent).toBe(
      'admin on every clusterconsole administrator',
    );
    expect(row('ana@example.com').queryByTestId('user-disable')).not.toBeNull();
    expect(row('admin@example.com').queryByTestId('user-disable')).toBeNull();
  });

  it('adds a user and shows the generated password once', async () => {
    const user = userEvent.setup();
    hooks.add.mutateAsync.mockResolvedValue({ userId: 'u-bo', password: 'generated-Password-123' });
    renderPage();
    await user.type(screen.getByTestId('add-user-email'), 'Bo@Example.com');
    await user.type(screen.getByTestId('add-user-name'), 'Bo');
    await user.selectOptions(within(screen.getByTestId('add-user-grants')).getByTestId('grant-role-0'), 'operator');
    await user.click(screen.getByTestId('add-user-submit'));

    expect(hooks.add.mutateAsync).toHaveBeenCalledWith({
      email: 'Bo@Example.com',
      name: 'Bo',
      grants: [{ cluster: 'demo', role: 'operator' }],
    });
    expect(screen.getByTestId('one-time-password-email').textContent).toBe('bo@example.com');
    expect(screen.getByTestId('one-time-password-value').textContent).toBe('generated-Password-123');
    expect(screen.getByTestId<HTMLInputElement>('add-user-email').value).toBe('');

    await user.click(screen.getByTestId('one-time-password-done'));
    expect(screen.queryByTestId('one-time-password')).toBeNull();
    expect(screen.queryByText('generated-Password-123')).toBeNull();
    // The mutation's result holds the password too: it is dropped with it.
    expect(hooks.add.reset).toHaveBeenCalled();
  });

  it('will not add two grants on one cluster', async () => {
    const user = userEvent.setup();
    renderPage();
    const grants = within(screen.getByTestId('add-user-grants'));
    await user.click(grants.getByTestId('grant-add'));
    await user.selectOptions(grants.getByTestId('grant-cluster-1'), 'demo');
    expect(grants.getByTestId('grants-problem').textContent).toBe('demo has two grants: keep one role per cluster');
    expect(screen.getByTestId<HTMLButtonElement>('add-user-submit').disabled).toBe(true);
  });

  it('disables a user only once confirmed', async () => {
    const user = userEvent.setup();
    hooks.setDisabled.mutate.mockImplementation(succeedsWith({ disabled: true }));
    renderPage();
    await user.click(row('ana@example.com').getByTestId('user-disable'));
    const dialog = within(screen.getByTestId('confirm-dialog'));
    expect(dialog.getByRole('heading').textContent).toBe('Disable ana@example.com?');
    await user.click(dialog.getByTestId('confirm-no'));
    expect(hooks.setDisabled.mutate).not.toHaveBeenCalled();

    await user.click(row('ana@example.com').getByTestId('user-disable'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(hooks.setDisabled.mutate.mock.calls[0]?.[0]).toEqual({ userId: 'u-ana', disabled: true });
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(screen.getByTestId('users-notice').textContent).toBe(
      'ana@example.com is disabled and signed out everywhere.',
    );
  });

  it('changes grants after showing before → after', async () => {
    const user = userEvent.setup();
    hooks.setGrants.mutate.mockImplementation(succeedsWith({ changed: true }));
    renderPage();
    await user.click(row('ana@example.com').getByTestId('user-edit-grants'));
    const panel = within(screen.getByTestId('grants-panel'));
    // Saving what is already granted changes nothing, so it is not offered.
    expect(panel.getByTestId<HTMLButtonElement>('grants-save').disabled).toBe(true);
    await user.selectOptions(panel.getByTestId('grant-cluster-0'), '*');
    await user.click(panel.getByTestId('grants-save'));
    expect(screen.getByTestId('confirm-dialog').querySelector('pre')?.textContent).toBe(
      'viewer on demo  →  viewer on every cluster',
    );
    await user.click(screen.getByTestId('confirm-yes'));
    expect(hooks.setGrants.mutate.mock.calls[0]?.[0]).toEqual({
      userId: 'u-ana',
      grants: [{ cluster: '*', role: 'viewer' }],
    });
    expect(screen.queryByTestId('grants-panel')).toBeNull();
  });

  it('resets a password after confirmation and shows the new one once', async () => {
    const user = userEvent.setup();
    hooks.resetPassword.mutate.mockImplementation(succeedsWith({ password: 'fresh-Password-456' }));
    renderPage();
    await user.click(row('ana@example.com').getByTestId('user-reset-password'));
    await user.click(screen.getByTestId('confirm-yes'));
    expect(hooks.resetPassword.mutate.mock.calls[0]?.[0]).toEqual({ userId: 'u-ana' });
    expect(screen.getByTestId('one-time-password-email').textContent).toBe('ana@example.com');
    expect(screen.getByTestId('one-time-password-value').textContent).toBe('fresh-Password-456');
  });

  it("shows the server's reason when a change fails", () => {
    Object.assign(hooks.add, { isError: true, error: new Error('User already exists. Use another email.') });
    Object.assign(hooks.setDisabled, {
      isError: true,
      error: new Error('this is the only console administrator: make another user admin of every cluster first'),
      variables: { userId: 'u-me', disabled: true },
    });
    renderPage();
    expect(screen.getByTestId('add-user-error').textContent).toBe('Not added: User already exists. Use another email.');
    expect(screen.getByTestId('set-disabled-error').textContent).toBe(
      'Not disabled: this is the only console administrator: make another user admin of every cluster first',
    );
  });

  it('says why the list cannot be read', () => {
    Object.assign(hooks.users, {
      data: undefined,
      isError: true,
      error: new Error('this needs the admin role on every cluster (a console administrator)'),
    });
    renderPage();
    expect(screen.getByTestId('users-error').textContent).toBe(
      'Cannot read the users: this needs the admin role on every cluster (a console administrator)',
    );
  });
});
