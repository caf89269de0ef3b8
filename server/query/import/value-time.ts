import 'server-only';
/**
 * Timestamps, dates and times from their text: what `scalar-text.ts` writes (milliseconds with an
 * offset, `Z` in JSON, the raw millisecond count outside years 1–9999; dates as `yyyy-mm-dd` or the
 * unsigned day count, 2^31 being 1970-01-01; times to the nanosecond), what cqlsh's COPY TO writes
 * (`2023-11-14 22:13:20.123000+0000`), and the ISO forms Cassandra reads (`T`, `+hh:mm`, no
 * seconds). A timestamp holds milliseconds: finer digits that are not zeros are refused rather
 * than cut. Pure.
 */
import { types } from 'cassandra-driver';
import { fail, shown } from './value-error';

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

/** The range of a JavaScript Date; beyond it a timestamp goes to the driver as a Long. */
const DATE_LIMIT = 8_640_000_000_000_000n;
const LONG_LIMIT = 1n << 63n;
const DAY_MS = 86_400_000;
const LAST_NANO_OF_DAY = 86_399_999_999_999n;

/** Days from 1970-01-01 to a calendar day of the proleptic Gregorian calendar, or null when the day does not exist. */
function epochDay(year: number, month: number, day: number): number | null {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.getTime() / DAY_MS;
}

/** A Date, or a Long for a count of milliseconds beyond what a Date holds (the driver encodes either). */
function fromMilliseconds(ms: bigint, text: string): Date | types.Long {
  if (ms < -LONG_LIMIT || ms >= LONG_LIMIT) fail(`${shown(text)} is out of range for a timestamp`);
  if (ms >= -DATE_LIMIT && ms <= DATE_LIMIT) return new Date(Number(ms));
  return types.Long.fromString(ms.toString());
}

export function timestampValue(text: string): Date | types.Long {
  if (/^[+-]?\d+$/.test(text)) return fromMilliseconds(BigInt(text), text);
  const m = TIMESTAMP.exec(text);
  if (!m) fail(`${shown(text)} is not a timestamp (such as 2023-11-14 22:13:20.123+0000, or milliseconds)`);
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', , sign, offH = '0', offM = '0'] = m;
  const days = epochDay(Number(year), Number(month), Number(day));
  if (days === null) fail(`${shown(text)} is not a timestamp: there is no such day`);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
    fail(`${shown(text)} is not a timestamp: the time of day is out of range`);
  if (/[1-9]/.test(fraction.slice(3)))
    fail(`${shown(text)} has digits finer than a millisecond, which a timestamp cannot hold`);
  if (Number(offH) > 23 || Number(offM) > 59) fail(`${shown(text)} is not a timestamp: the offset is out of range`);
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const local = days * DAY_MS + ((Number(hour) * 60 + Number(minute)) * 60 + Number(second)) * 1000 + ms;
  // No offset: UTC, as cqlsh's COPY FROM reads it and as Cassandra does on a node in UTC.
  const offset = (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM));
  return new Date(local - offset * 60_000);
}

/** The driver decodes a date from its unsigned day count: built the same way, any day Cassandra holds is kept. */
function dateFromUnsigned(unsigned: number): types.LocalDate {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(unsigned);
  return types.LocalDate.fromBuffer(buffer);
}

export function dateValue(text: string): types.LocalDate {
  if (/^\d+$/.test(text)) {
    // CQL reads a bare number as the unsigned day count, not days from 1970.
    const n = BigInt(text);
    if (n >= 1n << 32n) fail(`${shown(text)} is out of range for a date (a day count from 0 to 4294967295)`);
    return dateFromUnsigned(Number(n));
  }
  const m = DATE.exec(text);
  if (!m) fail(`${shown(text)} is not a date (yyyy-mm-dd, or the day count where 2147483648 is 1970-01-01)`);
  const days = epochDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (days === null) fail(`${shown(text)} is not a date: there is no such day`);
  return dateFromUnsigned(days + 2 ** 31);
}

export function timeValue(text: string): types.LocalTime {
  let nanos: bigint;
  if (/^\d+$/.test(text)) {
    // CQL reads a bare number as nanoseconds since midnight.
    nanos = BigInt(text);
  } else {
    const m = TIME.exec(text);
    if (!m) fail(`${shown(text)} is not a time (hh:mm:ss, with up to 9 digits after the second)`);
    const [, hour, minute, second, fraction = ''] = m;
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)
      fail(`${shown(text)} is not a time: out of range`);
    const seconds = (Number(hour) * 60 + Number(minute)) * 60 + Number(second);
    nanos = BigInt(seconds) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0'));
  }
  if (nanos > LAST_NANO_OF_DAY) fail(`${shown(text)} is out of range for a time (0 to 86399999999999 nanoseconds)`);
  return new types.LocalTime(types.Long.fromString(nanos.toString()));
}
