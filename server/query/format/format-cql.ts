/**
 * A CQL value rendered exactly as cqlsh 6.x prints it (no colour, default settings: UTC, float and
 * double precision 5), so the workbench grid can be compared with cqlsh cell by cell.
 *
 * cqlsh formats the objects Python's driver decodes, choosing a formatter by the CQL type's name
 * and, for names it has none for (smallint, tinyint, counter, varchar, vector), by the Python type
 * of the value. `python-value.ts` rebuilds those objects; this module applies cqlsh's formatters.
 *
 * A cell it cannot print as cqlsh would (the driver handed over a value of the wrong shape for the
 * column's type) is not guessed at with `String(value)`: its text starts with UNPRINTABLE_MARK,
 * `formatCqlCell` says why, and the first of each kind is logged.
 */
import { shapeOf, type CqlType, type TypeShape } from './cql-type';
import {
  formatCqlDate,
  formatCqlDuration,
  formatCqlshFloat,
  formatCqlshTimestamp,
  formatCqlTime,
  pythonDecimalString,
} from './format-number';
import { pythonCharEscape, pythonRepr } from './python-repr';
import { pyEq, pyLt, PyTypeError } from './python-compare';
import { toPython, unprintable, type PyValue } from './python-value';
import { cqlTypeName } from './cql-type';
import { logger } from '../../log/logger';

export type { CqlType } from './cql-type';
export { UNPRINTABLE_MARK } from './python-value';

export interface FormattedCell {
  text: string;
  /** Why the cell could not be printed as cqlsh would (its text is then marked); null when it could. */
  unprintable: string | null;
}

/** Reasons logged so far: one line per kind of failure, not one per cell of a million-row export. */
const reported = new Set<string>();
const MAX_REPORTED = 200;

function report(reason: string, type: string): void {
  const key = `${type}: ${reason}`;
  if (reported.has(key) || reported.size >= MAX_REPORTED) return;
  reported.add(key);
  // The reason names the type and the JavaScript class, never the value: cells hold users' data.
  logger('format-cql').warn({ type, reason }, `a cell could not be printed as cqlsh would: ${reason}`);
}

/** The first unprintable part of a value, if any. */
function firstOpaque(v: PyValue): (PyValue & { kind: 'opaque' }) | undefined {
  switch (v.kind) {
    case 'opaque':
      return v;
    case 'list':
    case 'tuple':
    case 'sortedset':
    case 'namedtuple':
      for (const item of v.items) {
        const found = firstOpaque(item);
        if (found) return found;
      }
      return undefined;
    case 'map':
      for (const [k, x] of v.entries) {
        const found = firstOpaque(k) ?? firstOpaque(x);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Python raised inside cqlsh's formatter; cqlsh then prints the repr of the whole cell. */
class FormatFailure extends Error {}

export function formatCqlValue(value: unknown, type: CqlType): string {
  return formatCqlCell(value, type).text;
}

/** The cell's text as cqlsh prints it, or a marked text and the reason it could not be printed. */
export function formatCqlCell(value: unknown, type: CqlType): FormattedCell {
  if (value === null || value === undefined) return { text: 'null', unprintable: null };
  const shape = shapeOf(type);
  let py: PyValue;
  try {
    py = toPython(value, shape);
  } catch (error) {
    // The error's name only: its message may quote the value, and the reason is logged.
    py = unprintable(value, cqlTypeName(shape), `cannot read the value (${(error as Error).name})`);
  }
  const opaque = firstOpaque(py);
  if (opaque) report(opaque.reason, cqlTypeName(shape));
  let text: string;
  try {
    text = format(py, shape, false);
  } catch (error) {
    // cqlsh prints repr() when its formatter raises: that is cqlsh's output, not a failure of ours.
    if (error instanceof FormatFailure || error instanceof PyTypeError) text = pythonRepr(py);
    else throw error;
  }
  return { text, unprintable: opaque ? opaque.reason : null };
}

/**
 * A null inside a tuple reaches the element's formatter as None. Formatters that only call
 * `str()` print `None` (quoted where they quote); the rest raise.
 */
function formatNone(shape: TypeShape, quote: boolean): string {
  switch (shape.name) {
    case 'inet':
    case 'timestamp':
      return quote ? "'None'" : 'None';
    case 'decimal':
    case 'uuid':
    case 'timeuuid':
    case 'boolean':
    case 'int':
    case 'bigint':
    case 'varint':
    case 'date':
    case 'time':
    case 'smallint':
    case 'tinyint':
    case 'counter':
    case 'varchar':
    case 'custom':
      return 'None';
    default:
      throw new FormatFailure(`cannot format None as ${shape.name}`);
  }
}

/** cqlsh doubles backslashes, doubles quotes only when quoting, and shows control characters as Python escapes. */
function formatText(text: string, quote: boolean): string {
  let out = text.replace(/\\/g, '\\\\');
  if (quote) out = out.replace(/'/g, "''");
  out = out.replace(/[\x00-\x1f\x7f-\xa0]/g, (ch) => pythonCharEscape(ch) ?? ch);
  return quote ? `'${out}'` : out;
}

/**
 * UDT field types come from the keyspace's schema, which says `text` where result metadata says
 * `varchar`. The name matters: cqlsh has a `text` formatter (which fails on None) but no `varchar` one.
 */
function asSchemaTypes(shape: TypeShape): TypeShape {
  switch (shape.name) {
    case 'varchar':
      return { name: 'text' };
    case 'list':
    case 'set':
      return { name: shape.name, element: asSchemaTypes(shape.element) };
    case 'vector':
      return { ...shape, element: asSchemaTypes(shape.element) };
    case 'map':
      return { name: 'map', key: asSchemaTypes(shape.key), value: asSchemaTypes(shape.value) };
    case 'tuple':
      return { name: 'tuple', elements: shape.elements.map(asSchemaTypes) };
    case 'udt':
      return { ...shape, fields: shape.fields.map((f) => ({ name: f.name, type: asSchemaTypes(f.type) })) };
    default:
      return shape;
  }
}

/** `sorted(map.items())`: keys compared first, values only when keys are equal. */
function entryLt([ka, va]: [PyValue, PyValue], [kb, vb]: [PyValue, PyValue]): boolean {
  if (!pyEq(ka, kb)) return pyLt(ka, kb);
  if (!pyEq(va, vb)) return pyLt(va, vb);
  return false;
}

function items(v: PyValue): PyValue[] {
  if (v.kind === 'list' || v.kind === 'tuple' || v.kind === 'sortedset' || v.kind === 'namedtuple') return v.items;
  throw new FormatFailure(`${v.kind} is not a sequence`);
}

function format(v: PyValue, shape: TypeShape, quote: boolean): string {
  if (v.kind === 'none') return formatNone(shape, quote);
  if (v.kind === 'opaque') return v.text;
  const inner = (x: PyValue, t: TypeShape): string => format(x, t, true);
  switch (shape.name) {
    case 'blob':
    case 'custom':
      if (v.kind !== 'bytes') break;
      return `0x${Buffer.from(v.value).toString('hex')}`;
    case 'decimal':
      if (v.kind !== 'decimal') break;
      return pythonDecimalString(v.unscaled, v.scale);
    case 'uuid':
    case 'timeuuid':
      if (v.kind !== 'uuid') break;
      return v.value;
    case 'inet':
      if (v.kind !== 'str') break;
      return quote ? `'${v.value}'` : v.value;
    case 'boolean':
      if (v.kind !== 'bool') break;
      return v.value ? 'True' : 'False';
    case 'float':
    case 'double':
      if (v.kind !== 'float') break;
      return formatCqlshFloat(v.value);
    case 'int':
    case 'bigint':
    case 'varint':
    case 'smallint':
    case 'tinyint':
    case 'counter':
      if (v.kind !== 'int') break;
      return v.value.toString();
    case 'duration':
      if (v.kind !== 'duration') break;
      return formatCqlDuration(v.months, v.days, v.nanos);
    case 'timestamp': {
      // Outside years 1–9999 the driver hands cqlsh the milliseconds as an int, printed as such.
      if (v.kind !== 'datetime' && v.kind !== 'int') break;
      const text = v.kind === 'datetime' ? formatCqlshTimestamp(v.micros) : v.value.toString();
      return quote ? `'${text}'` : text;
    }
    case 'date':
      if (v.kind !== 'date') break;
      return formatCqlDate(v.days);
    case 'time':
      if (v.kind !== 'time') break;
      return formatCqlTime(v.nanos);
    case 'text':
    case 'ascii':
    case 'varchar':
      if (v.kind !== 'str') break;
      return formatText(v.value, quote);
    case 'list':
    case 'vector':
      return `[${items(v)
        .map((x) => inner(x, shape.element))
        .join(', ')}]`;
    case 'set':
      return `{${items(v)
        .map((x) => inner(x, shape.element))
        .join(', ')}}`;
    case 'tuple':
      return `(${items(v)
        .map((x, i) => inner(x, shape.elements[i] ?? { name: 'custom' }))
        .join(', ')})`;
    case 'map': {
      if (v.kind !== 'map') break;
      const sorted = [...v.entries].sort((a, b) => (entryLt(a, b) ? -1 : entryLt(b, a) ? 1 : 0));
      return `{${sorted.map(([k, x]) => `${inner(k, shape.key)}: ${inner(x, shape.value)}`).join(', ')}}`;
    }
    case 'udt': {
      // A bare tuple (the driver could not make a namedtuple) has no _asdict(): cqlsh fails.
      if (v.kind !== 'namedtuple') break;
      const fields = shape.fields.map((f) => asSchemaTypes(f.type));
      const parts = v.items.map((x, i) => {
        // Both are built from the same fields as the items (python-value.ts): a missing one is a bug.
        const name = v.fieldNames[i];
        const field = fields[i];
        if (name === undefined || field === undefined)
          throw new Error(`udt ${shape.typeName}: no field name or type for item ${i} of ${v.items.length}`);
        return `${formatText(name, false)}: ${x.kind === 'none' ? 'null' : inner(x, field)}`;
      });
      return `{${parts.join(', ')}}`;
    }
  }
  throw new FormatFailure(`cannot format ${v.kind} as ${shape.name}`);
}
