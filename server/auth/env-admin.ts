import 'server-only';
/**
 * The first admin of a real install from the environment (containers, configuration management):
 * RINGSIDE_ADMIN_EMAIL with RINGSIDE_ADMIN_PASSWORD_FILE (a file, so the password is not in the
 * process's environment listing). Created once, when no user has that email; never changed after.
 */
import { readFileSync } from 'node:fs';
import { EVERY_CLUSTER } from '@/lib/roles';
import { logger } from '../log/logger';
import { getAuth } from './auth';
import { seedUser } from './users';

export async function seedAdminFromEnv(env: Record<string, string | undefined> = process.env): Promise<void> {
  const email = env.RINGSIDE_ADMIN_EMAIL?.trim().toLowerCase();
  if (!email) return;
  const file = env.RINGSIDE_ADMIN_PASSWORD_FILE;
  if (!file)
    throw new Error('RINGSIDE_ADMIN_EMAIL is set without RINGSIDE_ADMIN_PASSWORD_FILE (a file holding the password)');
  const ctx = await getAuth().$context;
  if (await ctx.internalAdapter.findUserByEmail(email)) return;
  let password: string;
  try {
    password = readFileSync(/*turbopackIgnore: true*/ file, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new Error(`RINGSIDE_ADMIN_PASSWORD_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
  }
  await seedUser({
    email,
    name: 'Administrator',
    password,
    grants: [{ cluster: EVERY_CLUSTER, role: 'admin' }],
    resetIfPresent: false,
  });
  logger('auth').info({ email }, 'first administrator created from RINGSIDE_ADMIN_EMAIL');
}
