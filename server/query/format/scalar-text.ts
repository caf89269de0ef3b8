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
  const raw = { text: String(ms), readable: false };
  if (cqlshExact && Math.trunc((ms / 1000) * 1000) !== ms) return raw;
  const offset = offsetMinutes(ms, timeZone);
  const iso = (offset === 0 ? value : new Date(ms + offset * 60_000)).toISOString();
  // Years 0000 and past 9999 (`+010000-…`) are outside what the readable form carries.
  if (iso.charCodeAt(4) !== 45 /* - */ || iso.startsWith('0000')) return raw;
  const zone = offset === 0 ? (style === 'json' ? 'Z' : '+0000') : offsetText(offset);
  return { text: `${iso.slice(0, 10)} ${iso.slice(11, 23)}${zone}`, readable: true };
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
