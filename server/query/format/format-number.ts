/**
 * The arithmetic behind cqlsh's number and time output, done the way CPython does it so the
 * last digit agrees: `'%.*g'` (correctly rounded, ties to even), `repr(float)`, `str(Decimal)`,
 * and a timestamp's trip through float seconds and `datetime.timedelta`.
 */

/** cqlsh's `[ui] float_precision` and `double_precision` both default to 5 (cqlshmain.py). */
export const CQLSH_FLOAT_PRECISION = 5;

/** cqlsh's float/double cell: `'%.*g'`, with the precision raised by the digits left of the point. */
export function formatCqlshFloat(value: number, precision = CQLSH_FLOAT_PRECISION): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  // Python truncates log10 towards zero, so 0.05 counts as exponent -1, not -2; below
  // machine epsilon (0.0 included) the precision is left alone.
  const magnitude = Math.abs(value);
  if (magnitude > Number.EPSILON) {
    const exponent = Math.trunc(Math.log10(magnitude));
    if (exponent >= -4 && exponent < precision) precision += exponent + 1;
  }
  return formatG(value, precision);
}

/** Python's `'%.*g' % (precision, value)` for a finite value. */
export function formatG(value: number, precision: number): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const p = Math.max(precision, 1);
  const { digits, exponent } =
    value === 0 ? { digits: '0'.repeat(p), exponent: 0 } : roundToSignificant(Math.abs(value), p);
  if (exponent >= -4 && exponent < p) {
    const fixed =
      exponent < 0
        ? `0.${'0'.repeat(-exponent - 1)}${digits}`
        : `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
    return sign + stripFraction(fixed);
  }
  return `${sign}${stripFraction(`${digits[0]}.${digits.slice(1)}`)}e${exponentText(exponent)}`;
}

function stripFraction(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function exponentText(exponent: number): string {
  return (exponent < 0 ? '-' : '+') + String(Math.abs(exponent)).padStart(2, '0');
}

/**
 * `p` significant digits of a positive finite double, rounded half-to-even on its exact binary
 * value. JavaScript's toPrecision rounds exact ties up (123465 → 1.2347e+5; Python: 1.2346e+05),
 * so the exact decimal expansion is computed instead.
 */
function roundToSignificant(value: number, p: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let power = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    power = biased - 1075;
  }
  // value = mantissa × 2^power = exact × 10^-scale
  const exact = power >= 0 ? (mantissa << BigInt(power)).toString() : (mantissa * 5n ** BigInt(-power)).toString();
  const scale = power >= 0 ? 0 : -power;
  let exponent = exact.length - 1 - scale;
  if (exact.length <= p) return { digits: exact.padEnd(p, '0'), exponent };
  let head = exact.slice(0, p);
  const rest = exact.slice(p);
  // rest is not empty (exact is longer than p); charAt gives '' where indexing would give undefined.
  const next = rest.charAt(0);
  const tie = next === '5' && /^0*$/.test(rest.slice(1));
  const up = next > '5' || (next === '5' && !tie) || (tie && Number(head[p - 1]) % 2 === 1);
  if (up) {
    head = (BigInt(head) + 1n).toString();
    if (head.length > p) {
      head = head.slice(0, p);
      exponent += 1;
    }
  }
  return { digits: head, exponent };
}

/** Python's `repr(float)`: the shortest round-trip digits (as JavaScript finds them), Python's layout. */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const text = Math.abs(value).toExponential();
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const digits = mantissa.replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exponentText(exponent)}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.padEnd(exponent + 1, '0');
  return `${sign}${whole.slice(0, exponent + 1)}.${whole.slice(exponent + 1) || '0'}`;
}

/** Python's `str(Decimal('<unscaled>e<-scale>'))`, the form cqlsh prints a decimal in. */
export function pythonDecimalString(unscaled: bigint, scale: number): string {
  const sign = unscaled < 0n ? '-' : '';
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString();
  const exp = -scale;
  const leftDigits = exp + digits.length;
  // Plain notation only while the exponent is not positive and there are at most 5 zeros after the point.
  const dotPlace = exp <= 0 && leftDigits > -6 ? leftDigits : 1;
  let text: string;
  if (dotPlace <= 0) text = `0.${'0'.repeat(-dotPlace)}${digits}`;
  else if (dotPlace >= digits.length) text = digits + '0'.repeat(dotPlace - digits.length);
  else text = `${digits.slice(0, dotPlace)}.${digits.slice(dotPlace)}`;
  if (leftDigits !== dotPlace) {
    const e = leftDigits - 1;
    text += `E${e < 0 ? '-' : '+'}${Math.abs(e)}`;
  }
  return sign + text;
}

const MIN_DATETIME_MICROS = -62_135_596_800_000_000n; // 0001-01-01 00:00:00
const MAX_DATETIME_MICROS = 253_402_300_800_000_000n; // 10000-01-01 00:00:00, exclusive

/**
 * Microseconds since the epoch as Python's driver decodes a timestamp: `ms / 1000.0` float
 * seconds fed to `timedelta(seconds=…)`, which splits off the integer part, multiplies the fraction
 * by 1e6 in floating point and rounds what is left half-to-even. Far from 1970 the float has lost
 * microseconds: 9999-12-31 23:59:59.999 becomes …59.998993. `null` outside years 1–9999, where
 * cqlsh shows the milliseconds instead.
 */
export function pythonTimestampMicros(ms: number): bigint | null {
  const seconds = ms / 1000;
  const whole = Math.trunc(seconds);
  let micros = BigInt(whole) * 1_000_000n;
  const fraction = seconds - whole;
  if (fraction !== 0) {
    const scaled = 1e6 * fraction;
    const wholeMicros = Math.trunc(scaled);
    micros += BigInt(wholeMicros);
    const leftover = scaled - wholeMicros;
    if (leftover !== 0) {
      let rounded = roundHalfAway(leftover);
      if (Math.abs(rounded - leftover) === 0.5) {
        const odd = micros % 2n !== 0n ? 1 : 0;
        rounded = 2 * roundHalfAway((leftover + odd) * 0.5) - odd;
      }
      micros += BigInt(rounded);
    }
  }
  return micros >= MIN_DATETIME_MICROS && micros < MAX_DATETIME_MICROS ? micros : null;
}

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
}

export function dateTimeParts(micros: bigint): DateTimeParts {
  const perDay = 86_400_000_000n;
  let days = micros / perDay;
  let rest = micros % perDay;
  if (rest < 0n) {
    rest += perDay;
    days -= 1n;
  }
  const inDay = Number(rest);
  return {
    ...civilFromDays(Number(days)),
    hour: Math.floor(inDay / 3_600_000_000),
    minute: Math.floor(inDay / 60_000_000) % 60,
    second: Math.floor(inDay / 1_000_000) % 60,
    microsecond: inDay % 1_000_000,
  };
}

/** Proleptic Gregorian year/month/day of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** cqlsh's `%Y-%m-%d %H:%M:%S.%f%z` in UTC; glibc's %Y does not pad, so year 1 prints as `1`. */
export function formatCqlshTimestamp(micros: bigint): string {
  const t = dateTimeParts(micros);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.microsecond, 6)}+0000`;
}

/** `str(cassandra.util.Date)`: `%04d-%02d-%02d`, or the day count outside years 1–9999. */
export function formatCqlDate(daysSinceEpoch: number): string {
  const { year, month, day } = civilFromDays(daysSinceEpoch);
  if (year < 1 || year > 9999) return String(daysSinceEpoch);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `str(cassandra.util.Time)`: nine fractional digits, always. */
export function formatCqlTime(nanos: bigint): string {
  const second = 1_000_000_000n;
  const n = (x: bigint): number => Number(x);
  return `${pad(n(nanos / (3600n * second)))}:${pad(n((nanos / (60n * second)) % 60n))}:${pad(n((nanos / second) % 60n))}.${pad(n(nanos % second), 9)}`;
}

/** cqlsh's duration text: one sign for the whole value, then y/mo/d and h/m/s/ms/us/ns parts that are not zero. */
export function formatCqlDuration(months: number, days: number, nanos: bigint): string {
  let out = months < 0 || days < 0 || nanos < 0n ? '-' : '';
  const absMonths = Math.abs(months);
  if (absMonths >= 12) out += `${Math.floor(absMonths / 12)}y`;
  if (absMonths % 12 !== 0) out += `${absMonths % 12}mo`;
  if (days !== 0) out += `${Math.abs(days)}d`;
  let rest = nanos < 0n ? -nanos : nanos;
  for (const [unit, size] of [
    ['h', 3_600_000_000_000n],
    ['m', 60_000_000_000n],
    ['s', 1_000_000_000n],
    ['ms', 1_000_000n],
    ['us', 1000n],
    ['ns', 1n],
  ] as const) {
    if (rest >= size) {
      out += `${rest / size}${unit}`;
      rest %= size;
    }
  }
  return out;
}
