import 'server-only';
/**
 * Users and their grants, for the console's administrators. Every call into better-auth carries the
 * admin's own headers, so its admin plugin checks the session too (its `createUser` skips that check
 * without them). A new or reset password is generated here and shown once; nobody chooses a weak one.
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { grantSchema, isConsoleAdmin, type Grant } from '@/lib/roles';
import { getAuth } from '../auth/auth';
import { allGrants } from '../auth/grants';
import { changeGrants, generatePassword } from '../auth/users';
import { config } from '../config';
import { emailOfUser } from '../auth/session-rows';
import { consoleAdminProcedure, createTRPCRouter } from '../trpc';

function mustExist(userId: string): void {
  if (emailOfUser(userId) === null) throw new TRPCError({ code: 'NOT_FOUND', message: `no user ${userId}` });
}

const userId = z.string().min(1).max(100);
const grantsInput = z.array(grantSchema).max(1000);

function checkClusters(grants: Grant[]): void {
  const known = new Set(config().clusters.map((c) => c.id));
  const unknown = grants.filter((g) => g.cluster !== '*' && !known.has(g.cluster)).map((g) => g.cluster);
  if (unknown.length)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `no cluster ${unknown.map((c) => `"${c}"`).join(', ')} is configured; configured: ${[...known].join(', ')}`,
    });
}

/** The last console administrator cannot be demoted or disabled: nobody could add users after that. */
function refuseLastAdmin(target: string, grantsAfter: Grant[] | null): void {
  if (grantsAfter && isConsoleAdmin(grantsAfter)) return;
  const admins = [...allGrants()].filter(([, grants]) => isConsoleAdmin(grants)).map(([id]) => id);
  if (admins.length === 1 && admins[0] === target)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'this is the only console administrator: make another user admin of every cluster first',
    });
}

export const usersRouter = createTRPCRouter({
  list: consoleAdminProcedure.query(async ({ ctx }) => {
    const { users } = await getAuth().api.listUsers({ headers: ctx.headers, query: { limit: 1000 } });
    const grants = allGrants();
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      disabled: u.banned === true,
      createdAt: new Date(u.createdAt).getTime(),
      grants: grants.get(u.id) ?? [],
    }));
  }),

  add: consoleAdminProcedure
    .input(z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(200), grants: grantsInput }))
    .mutation(async ({ input, ctx }) => {
      checkClusters(input.grants);
      const password = generatePassword();
      const { user } = await getAuth().api.createUser({
        headers: ctx.headers,
        body: { email: input.email.toLowerCase(), name: input.name, password, role: 'user' },
      });
      await changeGrants(user.id, input.grants);
      return { userId: user.id, password };
    }),

  setGrants: consoleAdminProcedure.input(z.object({ userId, grants: grantsInput })).mutation(async ({ input }) => {
    mustExist(input.userId);
    checkClusters(input.grants);
    refuseLastAdmin(input.userId, input.grants);
    // Their sessions end: the new grants count from their next sign-in.
    await changeGrants(input.userId, input.grants);
    return { changed: true };
  }),

  resetPassword: consoleAdminProcedure.input(z.object({ userId })).mutation(async ({ input, ctx }) => {
    mustExist(input.userId);
    const password = generatePassword();
    const auth = getAuth();
    await auth.api.setUserPassword({ headers: ctx.headers, body: { userId: input.userId, newPassword: password } });
    await auth.api.revokeUserSessions({ headers: ctx.headers, body: { userId: input.userId } });
    return { password };
  }),

  /** Disabled users cannot sign in and their sessions end at once (better-auth's ban). */
  setDisabled: consoleAdminProcedure
    .input(z.object({ userId, disabled: z.boolean() }))
    .mutation(async ({ input, ctx }) => {
      mustExist(input.userId);
      const auth = getAuth();
      if (input.disabled) {
        if (input.userId === ctx.principal.userId)
          throw new TRPCError({ code: 'BAD_REQUEST', message: 'you cannot disable yourself' });
        refuseLastAdmin(input.userId, null);
        await auth.api.banUser({
          headers: ctx.headers,
          body: { userId: input.userId, banReason: 'disabled by an administrator' },
        });
      } else await auth.api.unbanUser({ headers: ctx.headers, body: { userId: input.userId } });
      return { disabled: input.disabled };
    }),

  revokeSessions: consoleAdminProcedure.input(z.object({ userId })).mutation(async ({ input, ctx }) => {
    await getAuth().api.revokeUserSessions({ headers: ctx.headers, body: { userId: input.userId } });
    return { revoked: true };
  }),
});
