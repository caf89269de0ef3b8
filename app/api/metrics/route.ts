import { config } from '@/server/config';
import { roleOn } from '@/lib/roles';
import { guardRoute } from '@/server/auth/route-guard';
import { bearerRefusal } from '@/server/http/bearer-token';
import { logger } from '@/server/log/logger';
import { collectorFor } from '@/server/metrics/collectors';
import { prometheusExposition } from '@/server/metrics/prometheus';

export const dynamic = 'force-dynamic';

const log = logger('metrics-route');

/**
 * Prometheus scrape endpoint: everything the collectors last read (docs/metrics.md names each metric).
 * A scrape sends `prometheus.bearerTokenFile`'s token and reads every cluster; a signed-in user (a
 * browser) reads the clusters they hold a role on. Anyone else is refused (401).
 */
export async function GET(request: Request) {
  const { bearerToken } = config().prometheus;
  const sentBearer = request.headers.has('authorization');
  let visible: (clusterId: string) => boolean = () => true;
  let refusal: string | null = null;
  if (sentBearer || !request.headers.has('cookie'))
    refusal =
      bearerToken === null
        ? 'sign in, or configure prometheus.bearerTokenFile and send its token (Authorization: Bearer …)'
        : bearerRefusal(request.headers, bearerToken);
  else {
    const guard = await guardRoute(request.headers, 'signed-in');
    if (guard.refusal) return guard.refusal;
    const { grants } = guard.principal;
    visible = (clusterId) => roleOn(grants, clusterId) !== null;
  }
  if (refusal) {
    log.info(`metrics scrape refused: ${refusal}`);
    return new Response(`${refusal}\n`, {
      status: 401,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="ringside metrics"' },
    });
  }
  try {
    const clusters = config()
      .clusters.filter((c) => c.metrics.enabled && visible(c.id))
      .map((c) => ({ clusterId: c.id, latest: collectorFor(c.id).latest }));
    const { body, contentType } = await prometheusExposition(clusters);
    return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    // A broken exposition must show as a failed scrape (up = 0 in Prometheus), with the reason here.
    log.error({ err: error }, `metrics exposition failed: ${(error as Error).message}`);
    return new Response(`metrics exposition failed: ${(error as Error).message}\n`, {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}
