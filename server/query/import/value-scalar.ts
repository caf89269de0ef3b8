import 'server-only';
/**
 * One scalar from its text, the inverse of `scalar-text.ts` and of cqlsh's COPY TO, for any place
 * the text comes from (a CSV field, an element of a CQL literal, a JSON string): what Cassandra
 * itself would read, checked here so that a bad value is refused with its reason instead of being
 * sent and failing the batch, or worse, being encoded as something else (the driver writes an int
 * of 2^31 as -2^31, an ascii 'é' as byte 0xe9, parses '12abc' as a float 12). Dates, times and
 * timestamps are in value-time.ts. Pure.
 */
import { isIPv4 } from 'node:net';
import { types } from 'cassandra-driver';
import { cqlTypeName, type ScalarName } from '../format/cql-type';
import { fail, shown } from './value-error';
import { dateValue, timestampValue, timeValue } from './value-time';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NAMED_FLOAT = /^(?:NaN|[+-]?Infinity)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The units Cassandra's Duration.from reads, largest first; the driver's own parser skips what it does not match.
const DURATION_STANDARD = /^-?(?:\d+(?:y|mo|w|d|h|ms|us|µs|ns|m|s))+$/i;
const DURATION_ISO =
  /^-?P(?:(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?|\d+W|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})$/;

const INT_BITS = new Map<ScalarName, number>([
  ['tinyint', 8],
  ['smallint', 16],
  ['int', 32],
  ['bigint', 64],
  ['counter', 64],
]);

/** A whole number of the column's size, exactly as written (no exponent, no fraction, an optional sign). */
function integerValue(text: string, name: ScalarName): unknown {
  if (!INTEGER.test(text)) fail(`${shown(text)} is not ${article(name)}`);
  const n = BigInt(text);
  const bits = INT_BITS.get(name);
  if (bits !== undefined) {
    const limit = 1n << BigInt(bits - 1);
    if (n < -limit || n >= limit)
      fail(`${shown(text)} is out of range for ${article(name)} (${-limit} to ${limit - 1n})`);
    return bits === 64 ? types.Long.fromString(n.toString()) : Number(n);
  }
  return types.Integer.fromString(n.toString());
}

/** A float or double as written: the driver rounds a double to float when it encodes a float. */
function floatingValue(text: string, name: 'float' | 'double'): number {
  if (NAMED_FLOAT.test(text)) return text.toLowerCase() === 'nan' ? NaN : text.startsWith('-') ? -Infinity : Infinity;
  if (!DECIMAL.test(text)) fail(`${shown(text)} is not ${article(name)}`);
  const n = Number(text);
  // Too many digits round, as Cassandra's own parser does; too large a magnitude would become Infinity.
  if (!Number.isFinite(name === 'float' ? Math.fround(n) : n))
    fail(`${shown(text)} is out of range for ${article(name)}`);
  return n;
}

/** Exact: unscaled digits and a scale (negative for `1E+20`), which the driver's fromString does not read from an exponent. */
function decimalValue(text: string): types.BigDecimal {
  if (!DECIMAL.test(text)) fail(`${shown(text)} is not a decimal`);
  const [mantissa = '', exponent = '0'] = text.split(/[eE]/);
  const point = mantissa.indexOf('.');
  const fraction = point < 0 ? 0 : mantissa.length - point - 1;
  const scale = fraction - Number(exponent);
  if (!Number.isSafeInteger(scale) || scale < -(2 ** 31) || scale >= 2 ** 31)
    fail(`${shown(text)} has an exponent beyond what a decimal holds`);
  const unscaled = BigInt(mantissa.replace('.', '').replace(/^\+/, '') || '0');
  // The typings name only a number for the unscaled value; the constructor takes an Integer as well.
  const Decimal = types.BigDecimal as unknown as new (unscaled: types.Integer, scale: number) => types.BigDecimal;
  return new Decimal(types.Integer.fromString(unscaled.toString()), scale);
}

function blobValue(text: string): Buffer {
  if (!/^0x[0-9a-f]*$/i.test(text)) fail(`${shown(text)} is not a blob (0x followed by hex digits)`);
  if (text.length % 2 !== 0) fail(`${shown(text)} is not a blob: an odd number of hex digits`);
  return Buffer.from(text.slice(2), 'hex');
}

function uuidValue(text: string, name: 'uuid' | 'timeuuid'): types.Uuid {
  if (!UUID.test(text)) fail(`${shown(text)} is not ${article(name)}`);
  if (name === 'uuid') return types.Uuid.fromString(text);
  // Cassandra refuses any other version for a timeuuid ("Invalid version for TimeUUID type").
  if (text[14] !== '1') fail(`${shown(text)} is not a timeuuid: a version ${text[14]} uuid, not version 1`);
  return types.TimeUuid.fromString(text);
}

function durationValue(text: string): types.Duration {
  if (!DURATION_STANDARD.test(text) && !DURATION_ISO.test(text))
    fail(`${shown(text)} is not a duration (such as 1y2mo3d4h5m6s7ms8us9ns or P1Y2M3DT4H5M6S)`);
  try {
    return types.Duration.fromString(text);
  } catch (error) {
    // The driver's reason: units out of order or repeated, or a total too large.
    return fail(`${shown(text)} is not a duration: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** IPv4 dotted, or IPv6 in any RFC 4291 text form (the driver's own parser misreads `::1.2.3.4`). */
function inetValue(text: string): types.InetAddress {
  if (isIPv4(text)) return new types.InetAddress(Buffer.from(text.split('.').map(Number)));
  const bytes = ipv6Bytes(text);
  if (!bytes) fail(`${shown(text)} is not an inet address`);
  return new types.InetAddress(bytes);
}

function ipv6Bytes(text: string): Buffer | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && isIPv4(part)) {
        const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) out.push(parseInt(part, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return null;
  // An IPv4 tail is allowed only at the very end.
  if (halves.length === 2 && halves[0] !== undefined && /\./.test(halves[0])) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  const buffer = Buffer.alloc(16);
  words.forEach((w, i) => buffer.writeUInt16BE(w, 2 * i));
  return buffer;
}

function asciiValue(text: string): string {
  // The driver writes each character's low byte: 'é' would be stored as byte 0xe9, which Cassandra refuses.
  const bad = /[^\x00-\x7f]/.exec(text);
  if (bad) fail(`${shown(text)} is not ascii: it holds ${shown(bad[0])}`);
  return text;
}

function booleanValue(text: string): boolean {
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return fail(`${shown(text)} is not a boolean (true or false)`);
}

/** "an int", "a bigint": the type with its article, for messages. */
export function article(name: string): string {
  // 'a uuid': said you-you-id.
  return `${/^[aeio]/.test(name) ? 'an' : 'a'} ${name}`;
}

/**
 * A scalar from its text. Text types take it as it is; every other type ignores spaces around it
 * (a spreadsheet's `1, 2`), which no type's text can hold.
 */
export function scalarValue(raw: string, name: ScalarName): unknown {
  if (name === 'text' || name === 'varchar') return raw;
  if (name === 'ascii') return asciiValue(raw);
  const text = raw.trim();
  if (text === '') fail(`an empty value is not ${article(name)}`);
  switch (name) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'counter':
    case 'varint':
      return integerValue(text, name);
    case 'float':
    case 'double':
      return floatingValue(text, name);
    case 'decimal':
      return decimalValue(text);
    case 'boolean':
      return booleanValue(text);
    case 'blob':
      return blobValue(text);
    case 'uuid':
    case 'timeuuid':
      return uuidValue(text, name);
    case 'inet':
      return inetValue(text);
    case 'duration':
      return durationValue(text);
    case 'timestamp':
      return timestampValue(text);
    case 'date':
      return dateValue(text);
    case 'time':
      return timeValue(text);
    case 'custom':
      return fail(`a custom type cannot be imported: it has no text form (${cqlTypeName({ name })})`);
  }
}
