/**
 * CSV for the workbench export (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled). Text goes out as stored, not escaped for a terminal as in the grid; floating-point numbers
 * keep every digit; other values as cqlsh prints them. Null is an empty field. Pure.
 */
import { types } from 'cassandra-driver';
import { formatCqlValue, type CqlType } from './format-cql';

const { dataTypes } = types;
const TEXT = new Set<number>([dataTypes.text, dataTypes.varchar, dataTypes.ascii]);

export function csvCell(value: unknown, type: CqlType): string {
  if (value === null || value === undefined) return '';
  if (TEXT.has(type.code)) return value as string;
  // The shortest text that reads back as the same number: an export must not round.
  if (type.code === dataTypes.double || type.code === dataTypes.float) return String(value);
  return formatCqlValue(value, type);
}

export function csvLine(fields: string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
