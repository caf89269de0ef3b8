/** Consistency levels as users write them (`LOCAL_QUORUM`), and the driver's value for each. */
import { types } from 'cassandra-driver';

export const CONSISTENCY_LEVELS = ['ANY', 'ONE', 'TWO', 'THREE', 'QUORUM', 'ALL', 'LOCAL_QUORUM', 'EACH_QUORUM', 'LOCAL_ONE'] as const;
export const SERIAL_CONSISTENCY_LEVELS = ['SERIAL', 'LOCAL_SERIAL'] as const;

export type ConsistencyLevel = (typeof CONSISTENCY_LEVELS)[number] | (typeof SERIAL_CONSISTENCY_LEVELS)[number];

/** `LOCAL_QUORUM` → the driver's `consistencies.localQuorum`. */
export function driverConsistency(level: ConsistencyLevel): types.consistencies {
  const key = level.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof typeof types.consistencies;
  return types.consistencies[key];
}
