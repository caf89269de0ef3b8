import 'server-only';
/**
 * Streams under way on one node, from StreamManager.CurrentStreams over Jolokia: what a node whose
 * release lacks `system_views.streaming` (Cassandra 4.0) can say. Cassandra keeps a plan there only
 * while it runs (initiated or received, not yet finished); each is a StreamStateCompositeData.
 */
import { z } from 'zod';
import type { ClusterConfig } from '../config';
import { valueOf } from './jolokia';
import { jolokiaTarget, readNodeBulk } from './node-bulk';

export const streamsSchema = z.array(
  z.looseObject({
    planId: z.string(),
    description: z.string(),
    sessions: z.array(z.looseObject({ peer: z.string().optional() })).optional(),
  }),
);

/** Each stream plan under way on `node`: "Unbootstrap with 127.0.0.47 (plan …)" (as seen during a 4.0 decommission). */
export async function currentStreams(cluster: ClusterConfig, node: string): Promise<{ what: string }[]> {
  const [answer] = await readNodeBulk(cluster, node, [
    { type: 'read', mbean: 'org.apache.cassandra.net:type=StreamManager', attribute: 'CurrentStreams' },
  ]);
  return describeStreams(valueOf(jolokiaTarget(cluster, node), answer!, streamsSchema, 'StreamManager.CurrentStreams'));
}

export function describeStreams(plans: z.infer<typeof streamsSchema>): { what: string }[] {
  return plans.map((plan) => {
    const peers = (plan.sessions ?? []).flatMap((s) => (s.peer ? [s.peer] : []));
    return {
      what: `${plan.description} with ${peers.length ? peers.join(', ') : 'no session yet'} (plan ${plan.planId})`,
    };
  });
}
