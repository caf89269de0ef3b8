/** Every user with their grants and state, and the actions on each row. */
import { ShieldCheck, UserX } from 'lucide-react';
import { isConsoleAdmin } from '@/lib/roles';
import { DataTable, type Column } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatLocalTime } from './audit-filter';
import { describeGrant, sortGrants } from './grants';
import type { UserRow } from './user-actions';

export type RowAction = 'edit-grants' | 'reset-password' | 'disable' | 'enable' | 'revoke-sessions';

export function UserTable({
  users,
  currentUserId,
  busy,
  onAction,
}: {
  users: readonly UserRow[];
  currentUserId: string;
  /** A change is under way: no second one starts meanwhile. */
  busy: boolean;
  onAction(action: RowAction, user: UserRow): void;
}) {
  const button = (action: RowAction, user: UserRow, label: string) => (
    <button type="button" disabled={busy} data-testid={`user-${action}`} onClick={() => onAction(action, user)}>
      {label}
    </button>
  );
  const columns: Column<UserRow>[] = [
    {
      key: 'email',
      header: 'Email',
      cell: (u) => (
        <>
          <span data-testid="user-email">{u.email}</span>
          {u.id === currentUserId ? <span className="muted"> (you)</span> : null}
          {/* The audit log names the user a change was made to by this id. */}
          <div className="muted mono" data-testid="user-id" title="user id, as the audit log names it">
            {u.id}
          </div>
        </>
      ),
    },
    { key: 'name', header: 'Name', cell: (u) => u.name, td: () => ({ 'data-testid': 'user-name' }) },
    {
      key: 'grants',
      header: 'Grants',
      cell: (u) =>
        u.grants.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <>
            <ul className="grant-list">
              {sortGrants(u.grants).map((g) => (
                <li key={g.cluster}>{describeGrant(g)}</li>
              ))}
            </ul>
            {isConsoleAdmin(u.grants) ? (
              <StatusBadge tone="info" icon={ShieldCheck}>
                console administrator
              </StatusBadge>
            ) : null}
          </>
        ),
      td: () => ({ 'data-testid': 'user-grants' }),
    },
    {
      key: 'disabled',
      header: 'State',
      cell: (u) =>
        u.disabled ? (
          <StatusBadge tone="bad" icon={UserX}>
            disabled
          </StatusBadge>
        ) : (
          <StatusBadge tone="ok">active</StatusBadge>
        ),
      td: () => ({ 'data-testid': 'user-state' }),
    },
    {
      key: 'created',
      header: 'Created',
      cell: (u) => formatLocalTime(u.createdAt),
      td: () => ({ 'data-testid': 'user-created' }),
    },
    {
      key: 'actions',
      header: 'Actions',
      cell: (u) => (
        <span className="user-actions">
          {button('edit-grants', u, 'Grants…')}
          {button('reset-password', u, 'Reset password…')}
          {u.disabled
            ? button('enable', u, 'Enable')
            : // The server refuses to disable yourself; the page does not offer it.
              u.id !== currentUserId && button('disable', u, 'Disable…')}
          {button('revoke-sessions', u, 'End sessions…')}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
      rowProps={(u) => ({ 'data-testid': `user-row-${u.email}`, className: u.disabled ? 'stale' : undefined })}
      empty="No users yet."
      testId="user-table"
    />
  );
}
