import 'server-only';
import { isConsoleAdmin } from '@/lib/roles';
import { searchIndex } from '../search/search-index';
import { createTRPCRouter, signedInProcedure } from '../trpc';

export const searchRouter = createTRPCRouter({
  /**
   * The command palette's index: the clusters the caller holds a role on (no others), their nodes,
   * keyspaces and tables, and whether the console's admin pages are theirs to open.
   */
  index: signedInProcedure.query(async ({ ctx }) => ({
    consoleAdmin: isConsoleAdmin(ctx.principal.grants),
    ...(await searchIndex(ctx.principal.grants)),
  })),
});
