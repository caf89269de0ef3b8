import { z } from 'zod';
import { CONSISTENCY_LEVELS } from '@/lib/cql/consistency-levels';
import { IMPORT_FORMATS, IMPORT_NULL_MARKER } from '@/lib/cql/import-formats';
import { clusterInput } from '../../cluster/cluster-input';

/** A CQL identifier as the user names a keyspace or table: unquoted names are case-insensitive, quoted ones kept. */
const identifier = z.string().min(1).max(48);

const UNSAFE = /["\\'\r\n]/;

/** Query-string booleans: `1`/`true` and `0`/`false`. */
const flag = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false'])])
  .transform((v) => v === true || v === '1' || v === 'true');

/**
 * What an import is asked to do; posted as the query string of `POST /api/import`, the file as the
 * body. Defaults follow cqlsh COPY FROM where it has one (INGESTRATE 100000 rows/s).
 */
export const importRequestSchema = clusterInput
  .extend({
    keyspace: identifier,
    table: identifier,
    format: z.enum(IMPORT_FORMATS).default('rfc4180'),
    /** CSV only: the first line names the columns (any order, any subset that holds the primary key). */
    header: flag.default(true),
    delimiter: z
      .string()
      .length(1)
      .refine((d) => !UNSAFE.test(d), 'the delimiter cannot be a quote, backslash, apostrophe or line break')
      .default(','),
    nullMarker: z.string().max(32).optional(),
    consistency: z.enum(CONSISTENCY_LEVELS).default('LOCAL_QUORUM'),
    /** The most rows written per second: the cluster keeps serving its own traffic while a file loads. */
    maxRowsPerSecond: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
    /** Batches in flight at once. */
    concurrency: z.coerce.number().int().min(1).max(256).default(32),
    /** The import stops once more lines than this were rejected; the report lists the first 1,000 and counts them all. */
    maxRejects: z.coerce.number().int().min(0).max(100_000).default(1000),
    /** The id the page polls `query.importProgress` with. */
    importId: z.string().uuid().optional(),
  })
  .transform(({ nullMarker, ...rest }) => ({ ...rest, nullMarker: nullMarker ?? IMPORT_NULL_MARKER[rest.format] }))
  .refine((r) => r.format === 'jsonl' || !r.nullMarker.includes(r.delimiter), {
    message: 'the null marker cannot contain the delimiter',
    path: ['nullMarker'],
  });

export type ImportRequest = z.output<typeof importRequestSchema>;

/** The request from a URL's query string (repeated keys: the last wins). */
export function importRequestFromQuery(params: URLSearchParams): unknown {
  return Object.fromEntries(params.entries());
}
