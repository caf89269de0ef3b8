import 'server-only';
/**
 * SQLite rows read through a zod schema instead of cast: a column renamed in a migration, or a NULL
 * where the code expects a value, fails here with the column's name rather than somewhere later.
 */
import { z } from 'zod';

export class StoreRowError extends Error {}

function describe(what: string, error: z.ZodError): StoreRowError {
  return new StoreRowError(`the console store returned an unexpected ${what} row: ${z.prettifyError(error)}`);
}

export function readRows<T extends z.ZodType>(what: string, schema: T, rows: unknown[]): z.output<T>[] {
  const parsed = z.array(schema).safeParse(rows);
  if (!parsed.success) throw describe(what, parsed.error);
  return parsed.data;
}

export function readRow<T extends z.ZodType>(what: string, schema: T, row: unknown): z.output<T> | undefined {
  if (row === undefined) return undefined;
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw describe(what, parsed.error);
  return parsed.data;
}
