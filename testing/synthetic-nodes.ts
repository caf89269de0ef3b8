/**
 * A large cluster's node rows built from rows the topology poller made out of answers recorded from
 * the real local cluster: each synthetic node copies a real one (an Up node, or the killed node 3 for
 * every 37th) and gets its own address, host id, DC, rack, load, uptime and heap. Deterministic.
 */
import type { NodeRow } from '@/server/nodes/merge-nodes';
import { recordedSnapshot } from './recorded-snapshot';

export interface SyntheticShape {
  nodes: number;
  dcs?: number;
  racksPerDc?: number;
}

export function syntheticNodes({ nodes: count, dcs = 4, racksPerDc = 5 }: SyntheticShape): NodeRow[] {
  const up = recordedSnapshot('three-up').nodes;
  const killed = recordedSnapshot('node3-killed').nodes.find((n) => n.status === 'Down');
  if (!killed) throw new Error('the recorded node3-killed snapshot has no Down node');
  return Array.from({ length: count }, (_, i) => {
    const template = i % 37 === 36 ? killed : up[i % up.length]!;
    const dc = i % dcs;
    const rack = Math.floor(i / dcs) % racksPerDc;
    const address = `10.${dc}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    return {
      ...template,
      hostId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      address,
      endpoint: `${address}:7000`,
      dc: `dc${dc + 1}`,
      rack: `rack${rack + 1}`,
      // Spread, not sorted by index: a sort has work to do.
      loadBytes: template.loadBytes === null ? null : ((i * 7919) % 1000) * 1024 ** 2,
      uptimeMs: template.uptimeMs === null ? null : ((i * 104_729) % 100_000) * 1000,
      heapUsedBytes: template.heapUsedBytes === null ? null : ((i * 31) % 100) * 10 * 1024 ** 2,
      heapMaxBytes: template.heapMaxBytes ?? 1024 ** 3,
      seenDownBy: template.status === 'Down' ? template.seenDownBy : [],
    };
  });
}
