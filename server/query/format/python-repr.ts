/**
 * Python's `repr()` of what its cassandra-driver decodes. cqlsh falls back to it for a whole cell
 * when its formatter raises, which happens for a tuple holding a null text/ascii, float, double, blob,
 * duration or collection: `(1, None)` is formatted, `(None,)` for a tuple<ascii> is a repr.
 */
import { dateTimeParts, pythonDecimalString, pythonFloatRepr } from './format-number';
import type { PyValue } from './python-object';

// Python's str.isprintable() is false for these categories (ASCII space, below 0x7f, is handled first).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function quoteFor(text: string): string {
  return text.includes("'") && !text.includes('"') ? '"' : "'";
}

/** The escape Python's repr uses for one character that is not shown as itself, or null if it is. */
export function pythonCharEscape(ch: string, quote = "'"): string | null {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp < 0x7f || !NOT_PRINTABLE.test(ch)) return null;
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  return cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

export function pythonStrRepr(text: string): string {
  const quote = quoteFor(text);
  let out = quote;
  for (const ch of text) out += pythonCharEscape(ch, quote) ?? ch;
  return out + quote;
}

function pythonBytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += `\\x${hex(b, 2)}`;
    else out += ch;
  }
  return out + quote;
}

function datetimeRepr(micros: bigint): string {
  const t = dateTimeParts(micros);
  const parts = [t.year, t.month, t.day, t.hour, t.minute];
  // datetime's repr drops a zero microsecond, then a zero second.
  if (t.microsecond !== 0) parts.push(t.second, t.microsecond);
  else if (t.second !== 0) parts.push(t.second);
  return `datetime.datetime(${parts.join(', ')})`;
}

export function pythonRepr(v: PyValue): string {
  const all = (items: PyValue[]): string => items.map(pythonRepr).join(', ');
  switch (v.kind) {
    case 'none':
      return 'None';
    case 'int':
      return v.value.toString();
    case 'float':
      return pythonFloatRepr(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'str':
      return pythonStrRepr(v.value);
    case 'bytes':
      return pythonBytesRepr(v.value);
    case 'decimal':
      return `Decimal('${pythonDecimalString(v.unscaled, v.scale)}')`;
    case 'uuid':
      return `UUID('${v.value}')`;
    case 'datetime':
      return datetimeRepr(v.micros);
    case 'date':
      return `Date(${v.days})`;
    case 'time':
      return `Time(${v.nanos})`;
    case 'duration':
      return `Duration(${v.months}, ${v.days}, ${v.nanos})`;
    case 'list':
      return `[${all(v.items)}]`;
    case 'sortedset':
      return `SortedSet([${all(v.items)}])`;
    case 'tuple': {
      const only = v.items.length === 1 ? v.items[0] : undefined;
      return only !== undefined ? `(${pythonRepr(only)},)` : `(${all(v.items)})`;
    }
    case 'map':
      return `OrderedMapSerializedKey([${v.entries.map(([k, x]) => `(${pythonRepr(k)}, ${pythonRepr(x)})`).join(', ')}])`;
    case 'namedtuple':
      return `${v.typeName}(${v.items.map((x, i) => `${v.fieldNames[i]}=${pythonRepr(x)}`).join(', ')})`;
    case 'opaque':
      return v.text;
  }
}
