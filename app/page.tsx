import { HomeDashboard } from '@/components/home/home-dashboard';
import { roleOn } from '@/lib/roles';
import { signedInOrLogin } from '@/server/auth/page-guard';
import { config } from '@/server/config';
import { firstHomeMessage } from '@/server/home/home-stream';
import { sharedHomeSources } from '@/server/home/shared-sources';

// The configuration is read when the server runs, never baked in at build time.
export const dynamic = 'force-dynamic';

/**
 * Every cluster the user holds a role on, as a card; one live subscription feeds them all. The cards
 * come with the figures the shared pollers hold already, so they are read at the first paint rather
 * than after the scripts load and the stream's first message arrives.
 */
export default async function HomePage() {
  const { grants } = await signedInOrLogin();
  const clusters = config()
    .clusters.filter((c) => roleOn(grants, c.id) !== null)
    .map((c) => ({ id: c.id, name: c.name ?? c.id }));
  return <HomeDashboard clusters={clusters} initial={firstHomeMessage(clusters, sharedHomeSources)} />;
}
