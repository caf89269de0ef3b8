import 'server-only';
/**
 * The home page: one live stream of compact per-cluster summaries for every cluster the caller holds
 * a role on, however many there are (one connection, not one per cluster).
 */
import { roleOn } from '@/lib/roles';
import { alertsViewPoller } from '../alerts/alerts-view';
import { monitorFor } from '../alerts/monitor';
import { config } from '../config';
import { homeStream, type HomeSources } from '../home/home-stream';
import { sparkHistoryFor } from '../home/sparklines';
import { clusterPoller } from '../nodes/live';
import { createTRPCRouter, signedInProcedure } from '../trpc';

/** The shared pollers every page reads: the home page adds no polling of its own. */
const sharedSources: HomeSources = {
  topology: (id) => clusterPoller(id),
  alerts: (id) => (monitorFor(id) ? alertsViewPoller(id) : null),
  sparks: (id) => sparkHistoryFor(id),
};

export const homeRouter = createTRPCRouter({
  /** Every cluster's card: the first message holds them all, then only what changed, at most four a second. */
  live: signedInProcedure.subscription(async function* ({ ctx, signal }) {
    const clusters = config()
      .clusters.filter((c) => roleOn(ctx.principal.grants, c.id) !== null)
      .map((c) => ({ id: c.id, name: c.name ?? c.id }));
    yield* homeStream(clusters, sharedSources, signal);
  }),
});
