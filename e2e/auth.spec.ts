import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_USERS, passwordOf, stateFile } from './auth-state';
import { cql } from './cql';
import { LoginPage } from './pages/login-page';
import { QueryPage } from './pages/query-page';
import { KeyspacesPage } from './pages/schema-pages';

const KS = 'ringside_e2e_auth';

test.beforeAll(async () => {
  await cql([
    // In the driver's local DC: the test reads at LOCAL_ONE.
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`,
    `CREATE TABLE IF NOT EXISTS ${KS}.notes (id int PRIMARY KEY, body text)`,
  ]);
});

/** The audit log as the admin reads it (CSV route), filtered. */
async function auditCsv(request: APIRequestContext, query: Record<string, string>): Promise<string> {
  const response = await request.get(`/api/audit?${new URLSearchParams(query)}`);
  expect(response.status()).toBe(200);
  return response.text();
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a page sends an anonymous visitor to the login, a wrong password says so, the right one signs in', async ({
    page,
  }) => {
    await page.goto('/clusters/demo');
    await page.waitForURL('**/login');
    const login = new LoginPage(page);
    await login.signIn(E2E_USERS.viewer.email, 'not-the-password-at-all');
    await expect(login.error()).toContainText(/invalid email or password/i);
    await login.signIn(E2E_USERS.viewer.email, passwordOf('viewer'));
    await expect(login.currentUser()).toHaveText(E2E_USERS.viewer.email);
    await expect(page.getByTestId('cluster-card-demo')).toBeVisible();
  });
});

test.describe('as a viewer', () => {
  test.use({ storageState: stateFile('viewer') });

  test('sees no write controls, and a forged mutation from the session is refused and audited', async ({
    page,
    baseURL,
    playwright,
  }) => {
    const keyspaces = new KeyspacesPage(page);
    await keyspaces.open();
    await expect(keyspaces.row(KS)).toBeVisible();
    await expect(page.getByTestId(`edit-${KS}`)).toHaveCount(0);
    const query = new QueryPage(page);
    await query.open();
    await expect(page.getByTestId('read-only-notice')).toBeVisible();
    await expect(page.getByTestId('save-query')).toHaveCount(0);

    // The page offers nothing, so the viewer forges the call with their own session cookie.
    const forged = await page.request.post('/api/trpc/replication.alter', {
      headers: { origin: baseURL!, 'content-type': 'application/json' },
      data: {
        json: {
          clusterId: 'demo',
          keyspace: KS,
          replication: { strategy: 'SimpleStrategy', factors: { replication_factor: 3 } },
          confirmedStatement: `ALTER KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}`,
        },
      },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('this needs the operator role on cluster \\"demo\\"; you are a viewer there');
    const write = await page.request.post('/api/trpc/query.run', {
      headers: { origin: baseURL!, 'content-type': 'application/json' },
      data: {
        json: {
          clusterId: 'demo',
          keyspace: KS,
          statement: `INSERT INTO notes (id, body) VALUES (1, 'x')`,
          runId: 'forged',
        },
      },
    });
    expect(write.status()).toBe(403);
    expect(await cql([`SELECT * FROM ${KS}.notes WHERE id = 1`])).toHaveLength(0);

    const admin = await playwright.request.newContext({ baseURL, storageState: stateFile('admin') });
    const audit = await auditCsv(admin, { user: E2E_USERS.viewer.email, outcome: 'refused' });
    expect(audit).toContain('replication.alter');
    expect(audit).toContain('query.run');
    await admin.dispose();
  });
});

test.describe('as an operator', () => {
  test.use({ storageState: stateFile('operator') });

  test('runs a write in the workbench and finds it in the audit log', async ({ page }) => {
    const query = new QueryPage(page);
    await query.open();
    await expect(page.getByTestId('read-only-notice')).toHaveCount(0);
    await query.chooseKeyspace(KS);
    await query.clearEditor();
    const body = `audited-${Date.now()}`;
    await query.type(`INSERT INTO notes (id, body) VALUES (2, '${body}');`);
    await query.runStatementUnderCursor();
    await expect(query.statementDone()).toContainText('Done.');
    expect(await cql([`SELECT body FROM ${KS}.notes WHERE id = 2`])).toEqual([expect.objectContaining({ body })]);
    // The operator reads their own entries.
    const audit = await auditCsv(page.request, { action: 'query.run' });
    expect(audit).toContain(body);
    expect(audit).toContain(E2E_USERS.operator.email);
  });
});

test.describe('signing out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('ends the session: its cookie no longer opens anything', async ({ page, browser }) => {
    const login = new LoginPage(page);
    await login.signIn(E2E_USERS.operator.email, passwordOf('operator'));
    await expect(login.currentUser()).toHaveText(E2E_USERS.operator.email);
    const cookies = await page.context().cookies();
    await login.signOut();
    // The old cookie, replayed from elsewhere, is refused: the session row is gone, not just the cookie.
    const replay = await browser.newContext({ storageState: { cookies, origins: [] } });
    const response = await replay.request.get('/api/trpc/cluster.list');
    expect(response.status()).toBe(401);
    await replay.close();
  });
});
