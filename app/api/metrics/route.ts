import { config } from '@/server/config';
import { collectorFor } from '@/server/metrics/collectors';
import { prometheusText } from '@/server/metrics/prometheus';

export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint: everything the collectors last read. */
export function GET() {
  const clusters = config()
    .clusters.filter((c) => c.metrics.enabled)
    .map((c) => ({ clusterId: c.id, latest: collectorFor(c.id).latest }));
  return new Response(prometheusText(clusters), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' },
  });
}
