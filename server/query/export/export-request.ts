import { z } from 'zod';
import { CONSISTENCY_LEVELS } from '@/lib/cql/consistency-levels';
import { clusterInput } from '../../cluster/cluster-input';

/** What the browser posts to /api/export. */
export const exportRequestSchema = clusterInput.extend({
  keyspace: z.string().min(1).max(48).nullable().default(null),
  statement: z.string().trim().min(1).max(1_000_000),
  values: z.array(z.json()).nullable().default(null),
  consistency: z.enum(CONSISTENCY_LEVELS).default('LOCAL_ONE'),
  format: z.enum(['csv', 'json']).default('csv'),
  fetchSize: z.number().int().min(100).max(10_000).default(5000),
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  /** The id the page polls `query.exportProgress` with. */
  exportId: z.string().uuid().optional(),
});

export type ExportRequestBody = z.output<typeof exportRequestSchema>;
