import 'server-only';
/**
 * A CSV line per row through one function per column, chosen once per page from the column's type,
 * instead of deciding every cell's shape and quoting anew: the export's hot loop (docs/export.md,
 * Speed). The text is `csvValue` + `csvField`'s exactly. Common scalars (numbers, booleans, text,
 * timestamps) have their own writers; every other type goes through `csvValue` itself. A writer may
 * throw where the general path would: the caller then writes that row the general way, which throws
 * the error that names row and column.
 */
import { shapeOf, type CqlType, type TypeShape } from '../format/cql-type';
import { CannotCarryError, doubleText, floatText, timestampText } from '../format/scalar-text';
import { csvField, csvValue, type CsvLineContext } from './csv-value';

/** A non-null value as its field in the line: quoted or escaped as the dialect needs. */
type FieldWriter = (value: unknown) => string;

const markerClash = () => new CannotCarryError('a value equal to the null marker');

/** The field of a value whose text is final: checked against the null marker (cqlsh) and quoted. */
function finisher(ctx: CsvLineContext): (text: string) => string {
  if (ctx.dialect === 'rfc4180') return (text) => csvField(text, ctx);
  return (text) => {
    if (text === ctx.nullMarker) throw markerClash();
    return csvField(text, ctx);
  };
}

/**
 * Text made only of `chars` is never empty and holds no quote, backslash, comma or line break: unless
 * the delimiter is one of `chars`, it is its own field, once it is known not to be the null marker.
 */
function plainWriter(textOf: (value: unknown) => string, chars: RegExp, ctx: CsvLineContext): FieldWriter {
  const finish = finisher(ctx);
  if (chars.test(ctx.delimiter)) return (value) => finish(textOf(value));
  const { nullMarker } = ctx;
  return (value) => {
    const text = textOf(value);
    if (text === nullMarker) throw markerClash();
    return text;
  };
}

/** The field of a fixed text, worked out once; a text that cannot be written throws where it is used. */
function constant(text: string, ctx: CsvLineContext): () => string {
  try {
    const field = finisher(ctx)(text);
    return () => field;
  } catch (error) {
    return () => {
      throw error;
    };
  }
}

// What String() of each type can hold: digits and signs; hex digits and dashes; a double's exponent and names.
const INTEGER_CHARS = /[-0-9]/;
const UUID_CHARS = /[-0-9a-f]/;
const NUMBER_CHARS = /[-+.0-9eNaInfity]/;

function fieldWriter(shape: TypeShape, ctx: CsvLineContext): FieldWriter {
  switch (shape.name) {
    case 'int':
    case 'bigint':
    case 'smallint':
    case 'tinyint':
    case 'varint':
    case 'counter':
      return plainWriter(String, INTEGER_CHARS, ctx);
    case 'uuid':
    case 'timeuuid':
      return plainWriter(String, UUID_CHARS, ctx);
    case 'double':
      return plainWriter((value) => doubleText(value as number), NUMBER_CHARS, ctx);
    case 'float':
      return plainWriter((value) => floatText(value as number), NUMBER_CHARS, ctx);
    case 'boolean': {
      const yes = constant('True', ctx);
      const no = constant('False', ctx);
      return (value) => (value ? yes() : no());
    }
    case 'text':
    case 'varchar':
    case 'ascii': {
      if (ctx.dialect === 'rfc4180') return (value) => csvField(String(value), ctx);
      const finish = finisher(ctx);
      return (value) => {
        const text = String(value);
        if (/[\r\n]/.test(text)) throw new CannotCarryError('text with a line break');
        return finish(text);
      };
    }
    case 'timestamp': {
      const finish = finisher(ctx);
      const cqlshExact = ctx.dialect === 'cqlsh';
      return (value) => finish(timestampText(value as Date, ctx.timeZone, 'csv', cqlshExact).text);
    }
    default:
      // csvValue gives text for every value that is not null, and null is written before a writer is asked.
      return (value) => csvField(csvValue(value, shape, ctx) as string, ctx);
  }
}

/** The row's line without its line break; throws on a value the fast path does not write (see above). */
export function csvRowWriter(
  columns: { name: string; type: CqlType }[],
  ctx: CsvLineContext,
): (row: Record<string, unknown>) => string {
  const names = columns.map((c) => c.name);
  const writers = columns.map((c) => fieldWriter(shapeOf(c.type), ctx));
  const { delimiter, nullMarker } = ctx;
  return (row) => {
    let line = '';
    for (let i = 0; i < names.length; i++) {
      const value = row[names[i]!];
      const field = value === null || value === undefined ? nullMarker : writers[i]!(value);
      line = i === 0 ? field : line + delimiter + field;
    }
    return line;
  };
}
