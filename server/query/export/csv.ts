import 'server-only';
/**
 * CSV for the workbench export (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled). Text goes out as stored, not escaped for a terminal as in the grid; floating-point numbers
 * and timestamps keep every digit; other values as cqlsh prints them. Null is an empty field, an empty string "". Pure.
 */
import { types } from 'cassandra-driver';
import { formatCqlValue, type CqlType } from '../format/format-cql';

const { dataTypes } = types;
const TEXT = new Set<number>([dataTypes.text, dataTypes.varchar, dataTypes.ascii]);

/** The field for one value; null for a CQL null, which `csvLine` writes as an empty field. */
export function csvCell(value: unknown, type: CqlType): string | null {
  if (value === null || value === undefined) return null;
  if (TEXT.has(type.code)) return value as string;
  // The shortest text that reads back as the same number: an export must not round.
  if (type.code === dataTypes.double || type.code === dataTypes.float) return String(value);
  if (type.code === dataTypes.timestamp) return csvTimestamp(value as Date, type);
  return formatCqlValue(value, type);
}

/**
 * Milliseconds exactly, in a form CQL and COPY FROM read back (`2023-11-14 22:13:20.000+0000`). The grid's
 * cqlsh form goes through floating-point seconds and can be off by microseconds; it is also ten times
 * slower, which a million-row export feels.
 */
function csvTimestamp(value: Date, type: CqlType): string {
  const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  // Years outside 0000–9999 come as ±YYYYYY-…: leave those to the cqlsh form.
  if (!/^\d{4}-/.test(iso)) return formatCqlValue(value, type);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}+0000`;
}

export { csvLine } from '@/lib/csv-line';
