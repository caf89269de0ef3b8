/** What the workbench sends to run a statement: validated at the tRPC boundary, its type inferred from here. */
import { z } from 'zod';
import { CONSISTENCY_LEVELS, SERIAL_CONSISTENCY_LEVELS } from '@/lib/cql/consistency-levels';
import { clusterInput } from '../../cluster/cluster-input';

const keyspaceName = z.string().min(1).max(48);

export const runRequestSchema = clusterInput.extend({
  keyspace: keyspaceName.nullable(),
  statement: z.string().trim().min(1, 'the statement is empty').max(1_000_000),
  /** One JSON value per bind marker; null runs the statement unprepared, as typed. */
  values: z.array(z.json()).max(65_535).nullable().default(null),
  consistency: z.enum(CONSISTENCY_LEVELS).default('LOCAL_ONE'),
  serialConsistency: z.enum(SERIAL_CONSISTENCY_LEVELS).default('SERIAL'),
  pageSize: z.number().int().min(1).max(5000).default(100),
  /** The driver's paging state (hex) of the page to fetch; null for the first page. */
  pagingState: z
    .string()
    .regex(/^[0-9a-f]+$/i, 'a paging state is hex')
    .max(100_000)
    .nullable()
    .default(null),
  timeoutMs: z.number().int().min(100).max(600_000).default(12_000),
  tracing: z.boolean().default(false),
  /** A DROP, TRUNCATE or ALTER runs only once the user confirmed it. */
  confirmed: z.boolean().default(false),
  runId: z.string().min(1).max(64),
  /** Paging through a result that already ran is not a new entry in the history. */
  recordHistory: z.boolean().default(true),
});

export type RunRequest = z.output<typeof runRequestSchema>;
