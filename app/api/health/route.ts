import { config } from '@/server/config';
import { consoleIdentity } from '@/server/store/database';
import { getStore } from '@/server/store';

export const dynamic = 'force-dynamic';

/** Liveness of the console itself: its configuration and its store. It never waits on a cluster. */
export function GET() {
  try {
    const identity = consoleIdentity(getStore());
    return Response.json({ ok: true, clusters: config().clusters.map((c) => c.id), store: identity });
  } catch (error) {
    return Response.json({ ok: false, error: (error as Error).message }, { status: 503 });
  }
}
