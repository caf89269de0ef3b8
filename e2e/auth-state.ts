/** The e2e users, one per role, and where their signed-in browser states are kept. */
import { readFileSync } from 'node:fs';

export const STATE_DIR = '.test-output/e2e-auth';
export const usersFile = `${STATE_DIR}/passwords.json`;

export const E2E_USERS = {
  admin: { email: 'e2e.admin@ringside.test', role: 'admin', cluster: '*' },
  operator: { email: 'e2e.operator@ringside.test', role: 'operator', cluster: 'demo' },
  viewer: { email: 'e2e.viewer@ringside.test', role: 'viewer', cluster: 'demo' },
} as const;
export type E2eRole = keyof typeof E2E_USERS;

export const stateFile = (role: E2eRole) => `${STATE_DIR}/${role}.json`;

/** The password global-setup generated for this run. */
export function passwordOf(role: E2eRole): string {
  return (JSON.parse(readFileSync(usersFile, 'utf8')) as Record<E2eRole, string>)[role];
}
