import 'server-only';
/**
 * Scalar values as text that reads back as the same value: the shortest digits that round-trip
 * (signed zeros, NaN and infinities by name), decimals with their exact scale, timestamps with
 * exact milliseconds and their offset, dates outside years 1–9999 as the day count CQL reads. Shared
 * by every dialect; what differs per dialect is decided by the callers. Pure.
 */
import { types } from 'cassandra-driver';
import { formatCqlDate, formatCqlDuration, formatCqlTime, pythonDecimalString } from './format-number';
import { formatInet } from './format-inet';
import { toPython } from './python-value';

/** A value the chosen dialect cannot write so that it reads back equal; the reason names why. */
export class CannotCarryError extends Error {}

function nonFinite(value: number): string | null {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  // `String(-0)` is "0": the sign would be lost, and `-0` alone reads as the integer 0 in JSON.
  if (Object.is(value, -0)) return '-0.0';
  return null;
}

/** A double: JavaScript's shortest round-trip digits. */
export function doubleText(value: number): string {
  return nonFinite(value) ?? String(value);
}

/**
 * A float: few significant digits (the fewest, but for rare cases near a power of ten) that come back
 * as the same float when read as a double and then rounded to float — the path cqlsh (Python's float, then the driver's pack) and Cassandra's JSON
 * reader take, so even a rare double rounding cannot change it.
 */
export function floatText(value: number): string {
  const named = nonFinite(value);
  if (named) return named;
  // From 6 digits up (a normal float holds 6 to 9): most values settle at the first try, and a
  // shorter decimal that reads back equal comes out anyway, as `String` drops the padding zeros.
  // Subnormals hold fewer digits (1e-45 is one), so they start from one.
  for (let p = Math.abs(value) < 1.1754943508222875e-38 ? 1 : 6; p <= 9; p++) {
    const text = value.toPrecision(p);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(value);
}

export function decimalText(value: unknown): string {
  const py = toPython(value, { name: 'decimal' });
  if (py.kind !== 'decimal') throw new CannotCarryError('a decimal the driver did not decode');
  return pythonDecimalString(py.unscaled, py.scale);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at that instant, in minutes. */
function offsetMinutes(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  // "GMT" is UTC; an offset with seconds (old local mean time) falls back to UTC: the instant stays exact.
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export interface TimestampText {
  text: string;
  /** False for the raw millisecond count, which needs no quotes in a CQL literal. */
  readable: boolean;
}

const MS_PER_DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * The last day written, as `yyyy-mm-dd` (null outside years 1–9999). `toISOString` costs several times
 * the rest of a timestamp's text (measured: 0.6 µs against 0.08 µs per value), and a result's rows
 * mostly fall on the day of the row before.
 */
let lastDay = NaN;
let lastDayText: string | null = null;

function dayText(day: number): string | null {
  if (day !== lastDay) {
    const iso = new Date(day * MS_PER_DAY).toISOString();
    // Years 0000 and past 9999 (`+010000-…`) are outside what the readable form carries.
    lastDayText = iso.charCodeAt(4) !== 45 /* - */ || iso.startsWith('0000') ? null : iso.slice(0, 10);
    lastDay = day;
  }
  return lastDayText;
}

/**
 * `2023-11-14 22:13:20.123+0000` in the zone asked for (JSON's `Z` for UTC, as `SELECT JSON`
 * writes), or the raw milliseconds outside years 1–9999 — the number cqlsh and CQL accept.
 * `cqlshExact` also falls back to the number where cqlsh's COPY FROM would read the text through
 * floating-point seconds (`datetime.timestamp() * 1000`, truncated) and land a millisecond off.
 */
export function timestampText(value: Date, timeZone: string, style: 'csv' | 'json', cqlshExact = false): TimestampText {
  const ms = value.getTime();
  if (!Number.isFinite(ms))
    throw new CannotCarryError('a timestamp beyond ±8.64e15 ms, which the driver decodes as an invalid date');
  if (cqlshExact && Math.trunc((ms / 1000) * 1000) !== ms) return { text: String(ms), readable: false };
  const offset = offsetMinutes(ms, timeZone);
  const local = ms + offset * 60_000;
  const day = Math.floor(local / MS_PER_DAY);
  // A local time past the Date range is past year 9999 too.
  const date = Math.abs(local) <= 8.64e15 ? dayText(day) : null;
  if (date === null) return { text: String(ms), readable: false };
  // Whole milliseconds (a Date holds no fraction): exact integer arithmetic.
  let rest = local - day * MS_PER_DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const zone = offset === 0 ? (style === 'json' ? 'Z' : '+0000') : offsetText(offset);
  return {
    text: `${date} ${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}${zone}`,
    readable: true,
  };
}

/** `yyyy-mm-dd`, or outside years 1–9999 the unsigned day count (2^31 is 1970-01-01) that CQL reads; null there for cqlsh. */
export function dateText(value: types.LocalDate): { text: string; readable: boolean } {
  const unsigned = value.toBuffer().readUInt32BE(0);
  const text = formatCqlDate(unsigned - 2 ** 31);
  return /^\d{4}-/.test(text) ? { text, readable: true } : { text: String(unsigned), readable: false };
}

export function timeText(value: types.LocalTime): string {
  return formatCqlTime(BigInt(value.getTotalNanoseconds().toString()));
}

// Duration's fields exist at runtime but are missing from the driver's typings.
interface DurationFields {
  months: number;
  days: number;
  nanoseconds: { toString(): string };
}

export function durationText(value: types.Duration): string {
  const d = value as unknown as DurationFields;
  // A zero duration has no parts to print: CQL reads `0s`.
  return formatCqlDuration(d.months, d.days, BigInt(d.nanoseconds.toString())) || '0s';
}

export function inetText(value: unknown): string {
  return value instanceof types.InetAddress ? formatInet(value.getBuffer()) : String(value);
}

export function blobText(value: Buffer): string {
  return `0x${value.toString('hex')}`;
}
