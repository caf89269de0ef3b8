/**
 * Before any page is opened: the shared demo cluster is up (started or reused), and one user per role
 * exists with a fresh password and a signed-in browser state (e2e/auth-state.ts), signed in through
 * the login route as a browser would.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type FullConfig } from '@playwright/test';
import { runClusterOrThrow } from '@/localcluster/harness';
import { E2E_USERS, STATE_DIR, stateFile, usersFile, type E2eRole } from './auth-state';

function seed(email: string, role: string, cluster: string): string {
  const out = execFileSync(
    'npx',
    [
      'tsx',
      '--conditions=react-server',
      'scripts/user.ts',
      'add',
      '--email',
      email,
      '--role',
      role,
      '--cluster',
      cluster,
      '--reset',
      '--json',
    ],
    {
      env: { ...process.env, RINGSIDE_CONFIG: 'e2e/ringside.test.config.json', RINGSIDE_LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  return (JSON.parse(out.trim().split('\n').pop()!) as { password: string }).password;
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  runClusterOrThrow(['up']);
  const baseURL = config.projects[0]!.use.baseURL!;
  mkdirSync(STATE_DIR, { recursive: true });
  const passwords: Record<string, string> = {};
  for (const [role, user] of Object.entries(E2E_USERS) as [E2eRole, (typeof E2E_USERS)[E2eRole]][]) {
    const password = seed(user.email, user.role, user.cluster);
    passwords[role] = password;
    const context = await request.newContext({ baseURL });
    const response = await context.post('/api/auth/sign-in/email', {
      data: { email: user.email, password },
      headers: { origin: baseURL },
    });
    if (!response.ok())
      throw new Error(`signing in ${user.email} failed: ${response.status()} ${await response.text()}`);
    await context.storageState({ path: stateFile(role) });
    await context.dispose();
  }
  writeFileSync(usersFile, JSON.stringify(passwords), { mode: 0o600 });
}
