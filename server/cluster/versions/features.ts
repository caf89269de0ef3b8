/**
 * Where the MBeans the console calls differ between releases: read with javap from StorageServiceMBean
 * and RepairOption of cassandra-all 4.0.19, 4.1.10 and 5.0.9, and tried over Jolokia on real nodes.
 * Everything else the console reads over Jolokia (the metrics catalogue, the node view's StorageService,
 * FailureDetector and EndpointSnitchInfo attributes, CompactionManager) answered alike on all three. Pure.
 */
import type { Series } from './series';

/** What a release may lack, the first series that has it, and how to name it to a user. */
export const FEATURES = {
  // 4.0's takeSnapshot reads only skipFlush from its options: a ttl would be dropped without a word.
  'snapshot-ttl': { since: '4.1', what: 'a snapshot with a ttl' },
  // 4.x has clearSnapshot(tag, keyspaces…) only; the options map (older_than) arrives in 5.0.
  'clearsnapshot-older-than': { since: '5.0', what: 'clearing snapshots older than an age' },
  // 4.0's RepairOption has no repairPaxos/paxosOnly (Paxos repair arrives in 4.1) and ignores unknown keys.
  'paxos-repair': { since: '4.1', what: 'Paxos repair (repairPaxos)' },
} as const satisfies Record<string, { since: Series; what: string }>;

export type Feature = keyof typeof FEATURES;

export interface MBeanOffer {
  /**
   * The StorageService attribute that caps streaming, and its unit. 4.0 has only StreamThroughputMbPerSec,
   * in megabits per second despite its name (stream_throughput_outbound_megabits_per_sec); 4.1 adds the
   * MiB/s attribute the console uses.
   */
  streamThroughput:
    | { attribute: 'StreamThroughputMebibytesPerSec'; unit: 'MiB/s' }
    | { attribute: 'StreamThroughputMbPerSec'; unit: 'Mbit/s' };
  /** clearSnapshot as the release takes it: with an options map from 5.0, tag and keyspaces before. */
  clearSnapshot:
    | 'clearSnapshot(java.util.Map,java.lang.String,[Ljava.lang.String;)'
    | 'clearSnapshot(java.lang.String,[Ljava.lang.String;)';
}

const MEBIBYTES = { attribute: 'StreamThroughputMebibytesPerSec', unit: 'MiB/s' } as const;
const WITH_OPTIONS = 'clearSnapshot(java.util.Map,java.lang.String,[Ljava.lang.String;)';
const TAG_AND_KEYSPACES = 'clearSnapshot(java.lang.String,[Ljava.lang.String;)';

export const MBEANS: Record<Series, MBeanOffer> = {
  '4.0': {
    streamThroughput: { attribute: 'StreamThroughputMbPerSec', unit: 'Mbit/s' },
    clearSnapshot: TAG_AND_KEYSPACES,
  },
  '4.1': { streamThroughput: MEBIBYTES, clearSnapshot: TAG_AND_KEYSPACES },
  '5.0': { streamThroughput: MEBIBYTES, clearSnapshot: WITH_OPTIONS },
};

/** MiB/s in the megabits per second 4.0's stream throughput takes (1 MiB = 8.388608 Mbit), whole as it takes them. */
export function mebibytesToMegabits(mebibytesPerSecond: number): number {
  return Math.round(mebibytesPerSecond * 8.388608);
}
