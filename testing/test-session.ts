/**
 * Signed-in callers for tests: a real user in the configured store, signed in through better-auth,
 * and the session cookie a browser would send. Nothing is bypassed: the context reads the session
 * from the database as it does for a request.
 */
import type { Grant } from '@/lib/roles';
import { getAuth } from '@/server/auth/auth';
import { generatePassword, seedUser } from '@/server/auth/users';

export const EVERYWHERE_ADMIN: Grant[] = [{ cluster: '*', role: 'admin' }];

/** The Cookie header of a fresh session for the user (created, or reset to these grants). */
export async function sessionCookie(email: string, grants: Grant[]): Promise<string> {
  const password = generatePassword();
  await seedUser({ email, name: email.split('@')[0] ?? email, password, grants, resetIfPresent: true });
  const { headers } = await getAuth().api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`signing in ${email} set no cookie`);
  return cookie;
}

/** A user per role set; the email says which, so tests stay apart from each other's sessions. */
export async function sessionHeaders(grants: Grant[] = EVERYWHERE_ADMIN, name = 'test'): Promise<Headers> {
  const tag = grants.map((g) => `${g.role}-${g.cluster === '*' ? 'all' : g.cluster}`).join('.') || 'none';
  return new Headers({ cookie: await sessionCookie(`${name}.${tag}@ringside.test`, grants) });
}
