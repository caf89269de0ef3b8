import { expect, test } from '@playwright/test';
import { E2E_USERS, stateFile } from './auth-state';
import { AuditPage } from './pages/audit-page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { UsersPage } from './pages/users-page';

test.describe('as the console administrator', () => {
  test('adds a user who signs in; a grants change ends their session; disabled, they cannot sign in; the audit log and its CSV hold it all', async ({
    page,
    browser,
  }) => {
    const email = `e2e.added.${Date.now()}@ringside.test`;
    const users = new UsersPage(page);
    await users.open();
    await expect(page.getByTestId('nav-users')).toBeVisible();
    const password = await users.addUser(email, 'Added by e2e', [{ cluster: 'demo', role: 'viewer' }]);
    expect(password.length).toBeGreaterThanOrEqual(12);
    await expect(page.getByTestId('one-time-password')).toHaveCount(0);
    await expect(users.grantsOf(email)).toHaveText('viewer on demo');
    await expect(users.stateOf(email)).toHaveText('active');
    const userId = await users.userIdOf(email);
    expect(userId).not.toBe('');

    // Their own browser: a fresh context, signed in with the password the page showed.
    const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirPage = await theirs.newPage();
    const login = new LoginPage(theirPage);
    await login.signIn(email, password);
    await expect(login.currentUser()).toHaveText(email);
    await expect(new HomePage(theirPage).cluster('demo')).toBeVisible();
    await expect(theirPage.getByTestId('nav-audit')).toBeVisible();
    await expect(theirPage.getByTestId('nav-users')).toHaveCount(0);

    await users.changeGrants(email, [{ cluster: 'demo', role: 'operator' }]);
    await expect(users.grantsOf(email)).toHaveText('operator on demo');
    // The change ended their session: the old cookie is refused, and a page sends them to sign in.
    expect((await theirs.request.get('/api/trpc/auth.me')).status()).toBe(401);
    await theirPage.goto('/');
    await theirPage.waitForURL('**/login');

    await users.disable(email);
    await expect(users.stateOf(email)).toHaveText('disabled');
    await login.signIn(email, password);
    await expect(login.error()).toContainText(/this user is disabled/i);
    await expect(login.currentUser()).toHaveCount(0);
    await theirs.close();

    const audit = new AuditPage(page);
    await audit.open();
    await audit.filter({ action: 'users.' });
    await expect(audit.entry('users.add', { text: email, outcome: 'ok' })).toHaveCount(1);
    // Changes made to a user name them by id (the users table shows it).
    await expect(audit.entry('users.setGrants', { text: userId, outcome: 'ok' })).toHaveCount(1);
    await expect(audit.entry('users.setDisabled', { text: userId, outcome: 'ok' })).toHaveCount(1);
    await expect(audit.csvLink()).toHaveAttribute('href', '/api/audit?action=users.');
    const csv = await audit.downloadCsv();
    for (const text of ['users.add', email, 'users.setGrants', 'users.setDisabled', userId])
      expect(csv).toContain(text);
    // The generated password is recorded nowhere.
    expect(csv).not.toContain(password);
    await expect(page.getByText(password)).toHaveCount(0);

    // Their sign-ins, by the user filter: the one that worked and the one refused once disabled.
    await audit.filter({ user: email });
    await expect(audit.entry('auth.sign-in', { outcome: 'ok' })).toHaveCount(1);
    await expect(audit.entry('auth.sign-in', { outcome: 'failed', text: 'disabled' })).toHaveCount(1);
  });
});

test.describe('as a viewer', () => {
  test.use({ storageState: stateFile('viewer') });

  test('/admin/users says it needs the console administrator; the audit log opens with their own entries', async ({
    page,
  }) => {
    const users = new UsersPage(page);
    await users.open();
    await expect(users.adminRequired()).toContainText('console administrator');
    await expect(users.table()).toHaveCount(0);
    await expect(page.getByTestId('nav-users')).toHaveCount(0);

    await page.getByTestId('nav-audit').click();
    await page.waitForURL('**/admin/audit');
    const audit = new AuditPage(page);
    await expect(audit.scope()).toContainText('You read your own entries');
    // global-setup signed the viewer in, so the log holds at least that; every entry is theirs.
    await expect(audit.entries().first()).toBeVisible();
    const actors = await audit.entries().getByTestId('audit-user').allTextContents();
    expect(new Set(actors)).toEqual(new Set([E2E_USERS.viewer.email]));
  });
});
