/** Consistency levels as users write them; no driver import, so the browser's pickers can list them too. */
export const CONSISTENCY_LEVELS = [
  'ANY',
  'ONE',
  'TWO',
  'THREE',
  'QUORUM',
  'ALL',
  'LOCAL_QUORUM',
  'EACH_QUORUM',
  'LOCAL_ONE',
] as const;
export const SERIAL_CONSISTENCY_LEVELS = ['SERIAL', 'LOCAL_SERIAL'] as const;

export type ConsistencyLevel = (typeof CONSISTENCY_LEVELS)[number] | (typeof SERIAL_CONSISTENCY_LEVELS)[number];
