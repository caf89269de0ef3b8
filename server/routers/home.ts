import 'server-only';
/**
 * The home page: one live stream of compact per-cluster summaries for every cluster the caller holds
 * a role on, however many there are (one connection, not one per cluster).
 */
import { roleOn } from '@/lib/roles';
import { config } from '../config';
import { homeStream } from '../home/home-stream';
import { sharedHomeSources } from '../home/shared-sources';
import { createTRPCRouter, signedInProcedure } from '../trpc';

export const homeRouter = createTRPCRouter({
  /** Every cluster's card: the first message holds them all, then only what changed, at most four a second. */
  live: signedInProcedure.subscription(async function* ({ ctx, signal }) {
    const clusters = config()
      .clusters.filter((c) => roleOn(ctx.principal.grants, c.id) !== null)
      .map((c) => ({ id: c.id, name: c.name ?? c.id }));
    yield* homeStream(clusters, sharedHomeSources, signal);
  }),
});
