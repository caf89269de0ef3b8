import 'server-only';
/**
 * What a dialect can never carry, known from the column types alone: checked on the first page's
 * columns, before a line is written, so the export is refused with the column and the reason rather
 * than producing a file that does not load back. Values a dialect cannot carry only sometimes (a line
 * break in text for cqlsh, say) are caught row by row in `csv-value.ts`. Pure.
 */
import type { ExportDialect } from '@/lib/cql/export-dialects';
import { cqlTypeName, shapeOf, type CqlType, type TypeShape } from '../format/cql-type';

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

const pythonIdentifier = (name: string): boolean =>
  /^[\p{XID_Start}_]\p{XID_Continue}*$/u.test(name) && !PYTHON_KEYWORDS.has(name);

/** Why this type can never go through the dialect, or null. */
function typeRefusal(shape: TypeShape, dialect: ExportDialect): string | null {
  switch (shape.name) {
    case 'custom':
      return 'a custom type has no text form that reads back';
    case 'duration':
      // COPY FROM has no duration conversion: it hands the text to the driver, which needs a Duration object.
      return dialect === 'cqlsh' ? 'cqlsh COPY FROM cannot load durations' : null;
    case 'list':
    case 'set':
    case 'vector':
      return typeRefusal(shape.element, dialect);
    case 'map':
      return typeRefusal(shape.key, dialect) ?? typeRefusal(shape.value, dialect);
    case 'tuple':
      return shape.elements.reduce<string | null>((found, t) => found ?? typeRefusal(t, dialect), null);
    case 'udt': {
      if (dialect === 'cqlsh') {
        // COPY FROM builds a Python namedtuple per UDT value: its names must be Python identifiers.
        if (!pythonIdentifier(shape.typeName))
          return `cqlsh COPY FROM cannot load the type ${shape.typeName}: its name is not a Python identifier`;
        const bad = shape.fields.find((f) => !pythonIdentifier(f.name) || f.name.startsWith('_'));
        if (bad)
          return `cqlsh COPY FROM cannot load the type ${shape.typeName}: its field ${JSON.stringify(bad.name)} is not a Python identifier`;
      }
      return shape.fields.reduce<string | null>((found, f) => found ?? typeRefusal(f.type, dialect), null);
    }
    default:
      return null;
  }
}

/** The first column the dialect cannot carry, as a sentence naming it, its type and why; null if none. */
export function dialectRefusal(dialect: ExportDialect, columns: { name: string; type: CqlType }[]): string | null {
  for (const column of columns) {
    const shape = shapeOf(column.type);
    const why = typeRefusal(shape, dialect);
    if (why) return `the ${dialect} dialect cannot export column ${column.name} (${cqlTypeName(shape)}): ${why}`;
  }
  return null;
}
