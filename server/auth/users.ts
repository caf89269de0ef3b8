import 'server-only';
/**
 * Users as the command line and start-up make them: the first admin of `npm run demo`, `npm run user
 * -- add`, and RINGSIDE_ADMIN_EMAIL. These run with no request, so better-auth's `createUser` skips
 * its permission check here — the one place that may; the users router calls it with the admin's
 * headers. Every change of password or grants ends the user's sessions.
 */
import { randomBytes } from 'node:crypto';
import type { Grant } from '@/lib/roles';
import { getAuth, MIN_PASSWORD_LENGTH, type Auth } from './auth';
import { grantsOf, replaceGrants } from './grants';

/** 24 characters from 144 random bits, URL-safe. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export interface SeededUser {
  userId: string;
  email: string;
  created: boolean;
  grants: Grant[];
}

export class UserInputError extends Error {}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new UserInputError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 128) throw new UserInputError('the password must have at most 128 characters');
}

/**
 * Creates the user, or — when `resetIfPresent` — sets the password and grants of the one that exists.
 * Without `resetIfPresent`, an existing email is an error naming it.
 */
export async function seedUser(
  input: { email: string; name: string; password: string; grants: Grant[]; resetIfPresent: boolean },
  auth: Auth = getAuth(),
): Promise<SeededUser> {
  checkPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const ctx = await auth.$context;
  const existing = await ctx.internalAdapter.findUserByEmail(email);
  if (existing) {
    if (!input.resetIfPresent) throw new UserInputError(`a user ${email} exists already`);
    const userId = existing.user.id;
    await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(input.password));
    replaceGrants(userId, input.grants);
    await ctx.internalAdapter.deleteUserSessions(userId);
    return { userId, email, created: false, grants: grantsOf(userId) };
  }
  // No headers: the seed is trusted by being local (see the file's comment).
  const { user } = await auth.api.createUser({
    body: { email, name: input.name, password: input.password, role: 'user' },
  });
  replaceGrants(user.id, input.grants);
  return { userId: user.id, email, created: true, grants: grantsOf(user.id) };
}

/** Grants changed: better-auth's role follows, and the user signs in again to take them up. */
export async function changeGrants(userId: string, grants: Grant[], auth: Auth = getAuth()): Promise<void> {
  replaceGrants(userId, grants);
  await (await auth.$context).internalAdapter.deleteUserSessions(userId);
}
