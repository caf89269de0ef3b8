import 'server-only';
/**
 * Typed readers for rows of Cassandra's own tables (system_schema, system, system_views): a zod
 * schema per query instead of casting each `row.get(…)`, so a column that is missing, renamed or
 * of another type in some Cassandra version fails with the table and column named, not as a
 * wrong value on screen. The schemas describe what the console's client decodes (maps as plain
 * objects, lists as arrays, bigint as Long).
 */
import { types } from 'cassandra-driver';
import { z } from 'zod';

/** bigint, counter and varint columns arrive as Long (or Integer); int, float and double as numbers. */
export const cqlNumber = z.union([
  z.number(),
  z.instanceof(types.Long).transform((v) => v.toNumber()),
  z.instanceof(types.Integer).transform((v) => v.toNumber()),
]);

/** A uuid or timeuuid column, as its text. */
export const cqlUuid = z.instanceof(types.Uuid).transform((v) => v.toString());

/** A `map<text, text>` column; null (never set) reads as an empty map. */
export const textMap = z
  .record(z.string(), z.string())
  .nullable()
  .transform((v) => v ?? {});

/** A text column that may be null, read as ''. */
export const optionalText = z
  .string()
  .nullable()
  .transform((v) => v ?? '');

/** A reader for the rows of one query; `what` names it (the table) in the error a bad row raises. */
export function rowReader<S extends z.ZodType>(what: string, schema: S): (row: types.Row) => z.output<S> {
  return (row) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(
      `unexpected row from ${what}: ${issue ? `${issue.path.join('.') || '(row)'}: ${issue.message}` : parsed.error.message}`,
    );
  };
}
