import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditFilter } from './audit-filter';
import { AuditLogView } from './audit-log-view';

// The data hook is mocked, not the network: the view is tested for the filter it asks for and what it shows.
const asked = vi.hoisted(() => ({ filter: {} as AuditFilter }));
const log = vi.hoisted(() => ({
  data: undefined as AuditEntry[] | undefined,
  error: null as unknown,
  isError: false,
  hasOlder: false,
  loadingOlder: false,
  loadOlder: vi.fn(),
  refresh: vi.fn(),
}));
vi.mock('./use-audit', () => ({
  useAuditLog: (filter: AuditFilter) => {
    asked.filter = filter;
    return log;
  },
}));
// The applied filter is read from the page's URL (jsdom's location here) once, and written back to it.
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));

function entry(id: number, change: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: new Date(2024, 4, 1, 10, 0, id).getTime(),
    userId: 'u-admin',
    userEmail: 'admin@example.com',
    role: 'console-admin',
    ip: '127.0.0.1',
    userAgent: 'Chromium',
    action: 'users.add',
    cluster: null,
    target: null,
    params: '{"email":"ana@example.com","name":"Ana","grants":[{"cluster":"demo","role":"viewer"}]}',
    outcome: 'ok',
    detail: null,
    requestId: 'r1',
    ...change,
  };
}

beforeEach(() => {
  window.history.replaceState(null, '', '/admin/audit');
  Object.assign(log, { data: [], error: null, isError: false, hasOlder: false, loadingOlder: false });
  log.loadOlder.mockReset();
});

describe('AuditLogView', () => {
  it('says what each reader sees', () => {
    const { unmount } = render(<AuditLogView scope={{ everything: true }} clusterIds={['demo']} />);
    expect(screen.getByTestId('audit-scope').textContent).toMatch(
      /^Every signed-in user may open this page.*You are a console administrator: you read every entry\./,
    );
    unmount();
    render(<AuditLogView scope={{ everything: false, adminOf: ['demo'] }} clusterIds={['demo']} />);
    expect(screen.getByTestId('audit-scope').textContent).toMatch(
      /You read your own entries and every entry of the clusters you administer \(demo\); a console administrator reads them all\./,
    );
  });

  it('applies the filter it was given and links the CSV with the applied one', async () => {
    const user = userEvent.setup();
    render(<AuditLogView scope={{ everything: true }} clusterIds={['demo']} />);
    expect(screen.getByTestId('audit-csv').getAttribute('href')).toBe('/api/audit');
    await user.type(screen.getByTestId('audit-filter-user'), 'ana@');
    await user.type(screen.getByTestId('audit-filter-action'), 'users.');
    await user.selectOptions(screen.getByTestId('audit-filter-outcome'), 'refused');
    // Typing is not applying: the listing and its URL change on Apply.
    expect(asked.filter).toEqual({});
    expect(window.location.search).toBe('');
    await user.click(screen.getByTestId('audit-apply'));
    expect(asked.filter).toEqual({ user: 'ana@', action: 'users.', outcome: 'refused' });
    expect(window.location.search).toBe('?user=ana%40&action=users.&outcome=refused');
    expect(screen.getByTestId('audit-csv').getAttribute('href')).toBe(
      '/api/audit?user=ana%40&action=users.&outcome=refused',
    );
    await user.click(screen.getByTestId('audit-clear'));
    expect(asked.filter).toEqual({});
    expect(window.location.search).toBe('');
  });

  it('opens a linked listing with its filter applied and shown in the form', () => {
    window.history.replaceState(null, '', '/admin/audit?action=users.&outcome=refused&from=2024-05-01T10:00Z&to=x');
    render(<AuditLogView scope={{ everything: true }} clusterIds={['demo']} />);
    expect(asked.filter).toEqual({ action: 'users.', outcome: 'refused', from: Date.UTC(2024, 4, 1, 10, 0) });
    expect(screen.getByTestId<HTMLInputElement>('audit-filter-action').value).toBe('users.');
    expect(screen.getByTestId<HTMLSelectElement>('audit-filter-outcome').value).toBe('refused');
    expect(screen.getByTestId<HTMLInputElement>('audit-filter-from').value).not.toBe('');
    // "to=x" is not a time: no end to the range, and nothing in its input.
    expect(screen.getByTestId<HTMLInputElement>('audit-filter-to').value).toBe('');
  });

  it('refuses a range that ends before it starts', async () => {
    const user = userEvent.setup();
    render(<AuditLogView scope={{ everything: true }} clusterIds={[]} />);
    await user.type(screen.getByTestId('audit-filter-from'), '2024-05-02T00:00');
    await user.type(screen.getByTestId('audit-filter-to'), '2024-05-01T00:00');
    expect(screen.getByTestId('audit-filter-problem').textContent).toBe(
      'Filter not applied: the range ends before it starts',
    );
    expect(screen.getByTestId<HTMLButtonElement>('audit-apply').disabled).toBe(true);
  });

  it('lists entries newest first and loads older ones on request', async () => {
    const user = userEvent.setup();
    log.data = [
      entry(3),
      entry(2, { action: 'users.setDisabled', outcome: 'refused', detail: 'you cannot disable yourself' }),
    ];
    log.hasOlder = true;
    render(<AuditLogView scope={{ everything: true }} clusterIds={['demo']} />);
    const refused = within(screen.getByTestId('audit-entry-2'));
    expect(refused.getByTestId('audit-action').textContent).toBe('users.setDisabled');
    expect(refused.getByTestId('audit-outcome').textContent).toBe('refused');
    expect(refused.getByTestId('audit-outcome').querySelector('[data-tone]')?.getAttribute('data-tone')).toBe('bad');
    expect(refused.getByTestId('audit-detail').textContent).toBe('you cannot disable yourself');
    expect(within(screen.getByTestId('audit-entry-3')).getByTestId('audit-params').textContent).toContain(
      '"email":"ana@example.com"',
    );
    await user.click(screen.getByTestId('audit-older'));
    expect(log.loadOlder).toHaveBeenCalledTimes(1);
  });

  it('says when the oldest entry is shown, when nothing matches, and why the log cannot be read', () => {
    log.data = [entry(1)];
    const { rerender } = render(<AuditLogView scope={{ everything: true }} clusterIds={[]} />);
    expect(screen.queryByTestId('audit-older')).toBeNull();
    expect(screen.getByTestId('audit-end')).toBeDefined();

    log.data = [];
    rerender(<AuditLogView scope={{ everything: true }} clusterIds={[]} />);
    expect(screen.getByTestId('table-empty').textContent).toBe('No entry matches.');

    Object.assign(log, { data: undefined, isError: true, error: new Error('sign in first') });
    rerender(<AuditLogView scope={{ everything: true }} clusterIds={[]} />);
    expect(screen.getByTestId('audit-error').textContent).toBe('Cannot read the audit log: sign in first');
  });
});
