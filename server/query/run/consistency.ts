import 'server-only';
/** The driver's value for each consistency level a user picks. */
import { types } from 'cassandra-driver';
import type { ConsistencyLevel } from '@/lib/cql/consistency-levels';

export { CONSISTENCY_LEVELS, SERIAL_CONSISTENCY_LEVELS } from '@/lib/cql/consistency-levels';

/** `LOCAL_QUORUM` → the driver's `consistencies.localQuorum`. */
export function driverConsistency(level: ConsistencyLevel): types.consistencies {
  const key = level
    .toLowerCase()
    .replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof typeof types.consistencies;
  return types.consistencies[key];
}
