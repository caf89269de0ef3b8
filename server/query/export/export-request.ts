import { z } from 'zod';
import { CONSISTENCY_LEVELS } from '@/lib/cql/consistency-levels';
import { DEFAULT_NULL_MARKER, EXPORT_DIALECTS } from '@/lib/cql/export-dialects';
import { clusterInput } from '../../cluster/cluster-input';

/** True for a time zone name the runtime knows (IANA, e.g. `Europe/Berlin`, or `UTC`). */
function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A marker or delimiter must never need quoting itself, or a reader could not tell it from a value:
 * no quote, backslash, apostrophe (cqlsh's literal quote) or line break.
 */
const UNSAFE = /["\\'\r\n]/;

/** What the browser posts to /api/export. */
export const exportRequestSchema = clusterInput
  .extend({
    keyspace: z.string().min(1).max(48).nullable().default(null),
    statement: z.string().trim().min(1).max(1_000_000),
    values: z.array(z.json()).nullable().default(null),
    consistency: z.enum(CONSISTENCY_LEVELS).default('LOCAL_ONE'),
    /** The older form (`csv` or `json`); `dialect` wins when both are sent. */
    format: z.enum(['csv', 'json']).optional(),
    dialect: z.enum(EXPORT_DIALECTS).optional(),
    /** CSV only: a first line with the column names. */
    header: z.boolean().default(true),
    delimiter: z
      .string()
      .length(1)
      .refine((d) => !UNSAFE.test(d), 'the delimiter cannot be a quote, backslash, apostrophe or line break')
      .default(','),
    /** CSV only: what a null is written as; the dialect's default when left out. */
    nullMarker: z
      .string()
      .max(32)
      .refine((m) => !UNSAFE.test(m), 'the null marker cannot hold a quote, backslash, apostrophe or line break')
      .optional(),
    /** The zone timestamps are written in, with their offset, so the instant is exact whatever the zone. */
    timeZone: z.string().max(64).refine(knownTimeZone, 'unknown time zone').default('UTC'),
    fetchSize: z.number().int().min(100).max(10_000).default(5000),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    /** The id the page polls `query.exportProgress` with. */
    exportId: z.string().uuid().optional(),
  })
  .refine((r) => r.nullMarker === undefined || !r.nullMarker.includes(r.delimiter), {
    message: 'the null marker cannot contain the delimiter',
    path: ['nullMarker'],
  })
  .transform(({ format, dialect, nullMarker, ...rest }) => {
    const chosen = dialect ?? (format === 'json' ? 'json' : 'rfc4180');
    return { ...rest, dialect: chosen, nullMarker: nullMarker ?? DEFAULT_NULL_MARKER[chosen] };
  });

export type ExportRequestBody = z.output<typeof exportRequestSchema>;
