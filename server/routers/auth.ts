import 'server-only';
/** Who is signed in and what they may do: the pages use it to hide what a role cannot use (the server refuses it anyway). */
import { isConsoleAdmin } from '@/lib/roles';
import { config } from '../config';
import { createTRPCRouter, signedInProcedure } from '../trpc';

export const authRouter = createTRPCRouter({
  me: signedInProcedure.query(({ ctx }) => {
    const { principal } = ctx;
    return {
      userId: principal.userId,
      email: principal.email,
      name: principal.name,
      grants: principal.grants,
      consoleAdmin: isConsoleAdmin(principal.grants),
      sessionEndsAt: principal.sessionCreatedAt.getTime() + config().auth.sessionMaxHours * 3_600_000,
    };
  }),
});
