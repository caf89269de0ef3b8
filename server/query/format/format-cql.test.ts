/**
 * Every expected string here was printed by real cqlsh 6.2.2 (Python driver 3.30.1) against
 * Cassandra 5.0.9 for the same value, with EXPAND ON and default settings; the integration test
 * (format-vs-cqlsh.int.test.ts) repeats the comparison live.
 */
import { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { formatCqlValue, type CqlType } from './format-cql';

const { dataTypes } = types;
const t = (code: number, info?: unknown): CqlType => ({ code, info });
const text = t(dataTypes.varchar);
const int = t(dataTypes.int);
const float = t(dataTypes.float);
const double = t(dataTypes.double);
const list = (of: CqlType) => t(dataTypes.list, of);
const set = (of: CqlType) => t(dataTypes.set, of);
const map = (k: CqlType, v: CqlType) => t(dataTypes.map, [k, v]);
const tuple = (...of: CqlType[]) => t(dataTypes.tuple, of);
const udt = (name: string, fields: [string, CqlType][]) =>
  t(dataTypes.udt, { keyspace: 'ks', name, fields: fields.map(([n, type]) => ({ name: n, type })) });
const address = udt('address', [
  ['street', text],
  ['zip', int],
  ['tags', set(text)],
]);
const day = (days: number) =>
  types.LocalDate.fromBuffer(Buffer.from((days + 2 ** 31).toString(16).padStart(8, '0'), 'hex'));
const inet = (s: string) => types.InetAddress.fromString(s);
const timeuuid = (s: string) => types.TimeUuid.fromString(s);

describe('numbers', () => {
  it.each([
    [Math.fround(3.14), float, '3.14'],
    [Math.fround(1234567), float, '1.2346e+06'],
    [2.718281828459045, double, '2.71828'],
    [1e-7, double, '1e-07'],
    [-0, double, '-0'],
    [NaN, float, 'NaN'],
    [Infinity, float, 'Infinity'],
    [-Infinity, double, '-Infinity'],
    // Exact ties round to even, as Python's %g does (JavaScript's toPrecision would give 1.2347e+05).
    [123465, double, '1.2346e+05'],
    [100025, float, '1.0002e+05'],
    // log10 is truncated towards zero, so small values get fewer digits.
    [Math.fround(0.00012345678), float, '0.000123'],
    [Math.fround(99999.5), float, '99999.5'],
    [5e-324, double, '4.9407e-324'],
    [1.7976931348623157e308, double, '1.7977e+308'],
    [0.30000000000000004, double, '0.3'],
  ])('%s as %o prints %s', (value, type, expected) => {
    expect(formatCqlValue(value, type)).toBe(expected);
  });

  it('prints integers of every width in full', () => {
    expect(formatCqlValue(types.Long.fromString('-9223372036854775808'), t(dataTypes.bigint))).toBe(
      '-9223372036854775808',
    );
    expect(formatCqlValue(types.Long.fromString('9223372036854775807'), t(dataTypes.counter))).toBe(
      '9223372036854775807',
    );
    expect(formatCqlValue(-128, t(dataTypes.tinyint))).toBe('-128');
    const huge = '-987654321098765432109876543210987654321';
    expect(formatCqlValue(types.Integer.fromString(huge), t(dataTypes.varint))).toBe(huge);
  });

  it.each([
    [types.BigDecimal.fromString('0.00000001'), '1E-8'],
    [types.BigDecimal.fromString('-0.00000001'), '-1E-8'],
    [new types.BigDecimal(1, -20), '1E+20'],
    [new types.BigDecimal(100, -3), '1.00E+5'],
    [types.BigDecimal.fromString('0.000001'), '0.000001'],
    [new types.BigDecimal(1, 7), '1E-7'],
    [types.BigDecimal.fromString('0.000'), '0.000'],
    [types.BigDecimal.fromString('12345678901234567890.123456789'), '12345678901234567890.123456789'],
  ])('decimal %s prints as Python str(Decimal): %s', (value, expected) => {
    expect(formatCqlValue(value, t(dataTypes.decimal))).toBe(expected);
  });
});

describe('time', () => {
  const ts = t(dataTypes.timestamp);
  it.each([
    ['1969-07-20T20:17:40.123Z', '1969-07-20 20:17:40.123000+0000'],
    // Computed through float seconds: the last millisecond of year 9999 loses a microsecond.
    ['9999-12-31T23:59:59.999Z', '9999-12-31 23:59:59.998993+0000'],
    ['0001-01-01T00:00:00Z', '1-01-01 00:00:00.000000+0000'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31 23:59:59.999000+0000'],
    ['1900-01-01T00:00:00.001Z', '1900-01-01 00:00:00.001000+0000'],
  ])('timestamp %s prints %s', (iso, expected) => {
    expect(formatCqlValue(new Date(iso), ts)).toBe(expected);
  });

  it('prints milliseconds for timestamps outside years 1-9999, quoted inside collections', () => {
    expect(formatCqlValue(new Date(253402300800000), ts)).toBe('253402300800000');
    expect(formatCqlValue(new Date(-62135596800001), ts)).toBe('-62135596800001');
    expect(formatCqlValue([new Date(-62135596800001), new Date(-62135596800000)], list(ts))).toBe(
      "['-62135596800001', '1-01-01 00:00:00.000000+0000']",
    );
  });

  it('prints dates padded, or as a day count outside years 1-9999', () => {
    const date = t(dataTypes.date);
    expect(formatCqlValue(day(-(2 ** 31)), date)).toBe('-2147483648');
    expect(formatCqlValue(types.LocalDate.fromString('0001-01-01'), date)).toBe('0001-01-01');
    expect(formatCqlValue([day(0), day(2 ** 31 - 1), day(-1)], list(date))).toBe(
      '[1970-01-01, 2147483647, 1969-12-31]',
    );
  });

  it('prints times with nine fractional digits', () => {
    expect(formatCqlValue(types.LocalTime.fromString('13:45:00.250'), t(dataTypes.time))).toBe('13:45:00.250000000');
  });

  it.each([
    ['1y2mo3d4h5m6s7ms8us9ns', '1y2mo3d4h5m6s7ms8us9ns'],
    ['-1y2mo3d4h5m6s7ms8us9ns', '-1y2mo3d4h5m6s7ms8us9ns'],
    ['-9ns', '-9ns'],
    ['25h', '25h'],
    ['14mo', '1y2mo'],
    ['0s', ''],
  ])('duration %s prints %s', (literal, expected) => {
    expect(formatCqlValue(types.Duration.fromString(literal), t(dataTypes.duration))).toBe(expected);
  });
});

describe('text, blobs and addresses', () => {
  it('escapes backslashes and control characters, passes unicode through', () => {
    expect(formatCqlValue("line1\nline2\ttab\\back'quote\r", text)).toBe("line1\\nline2\\ttab\\\\back'quote\\r");
    expect(formatCqlValue('a\u0001b\u007f\u001f', t(dataTypes.ascii))).toBe('a\\x01b\\x7f\\x1f');
    expect(formatCqlValue('\u0080\u0085\u009f\u00a0\u00a1\u2028\u200b', text)).toBe(
      '\\x80\\x85\\x9f\\xa0\u00a1\u2028\u200b',
    );
    expect(formatCqlValue('héllo wörld ✓ 😀 日本語', text)).toBe('héllo wörld ✓ 😀 日本語');
    expect(formatCqlValue('', text)).toBe('');
    expect(formatCqlValue(null, text)).toBe('null');
  });

  it('prints blobs as lowercase hex, the empty blob as 0x', () => {
    expect(formatCqlValue(Buffer.from([0x00, 0xff, 0x7f, 0x80]), t(dataTypes.blob))).toBe('0x00ff7f80');
    expect(formatCqlValue(Buffer.alloc(0), t(dataTypes.blob))).toBe('0x');
  });

  it.each([
    ['::', '::'],
    ['::102:304', '::1.2.3.4'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
    ['fe80::1:0:0:0', 'fe80::1:0:0:0'],
  ])('inet %s prints %s', (address, expected) => {
    expect(formatCqlValue(inet(address), t(dataTypes.inet))).toBe(expected);
  });
});

describe('collections', () => {
  it('sorts sets and map keys the way Python compares them', () => {
    expect(formatCqlValue(new Set(['Z', 'a', 'b', '\uffff', '😀']), set(text))).toBe("{'Z', 'a', 'b', '\uffff', '😀'}");
    const inetMap = new Map(
      [
        ['10.0.0.1', 1],
        ['9.9.9.9', 2],
        ['::1', 3],
        ['1.2.3.4', 4],
      ].map(([a, n]) => [inet(String(a)), n]),
    );
    expect(formatCqlValue(inetMap, map(t(dataTypes.inet), int))).toBe(
      "{'1.2.3.4': 4, '10.0.0.1': 1, '9.9.9.9': 2, '::1': 3}",
    );
    // Cassandra orders timeuuids by time; Python's UUID compares the 128-bit value.
    const uuids = new Set(
      [
        '00000000-0001-1000-8000-000000000000',
        '60554d6e-19bb-11e5-b345-feff819cdc9f',
        '50554d6e-29bb-11e5-b345-feff819cdc9f',
      ].map(timeuuid),
    );
    expect(formatCqlValue(uuids, set(t(dataTypes.timeuuid)))).toBe(
      '{00000000-0001-1000-8000-000000000000, 50554d6e-29bb-11e5-b345-feff819cdc9f, 60554d6e-19bb-11e5-b345-feff819cdc9f}',
    );
    expect(
      formatCqlValue(
        new Map([
          [true, 1],
          [false, 0],
        ]),
        map(t(dataTypes.boolean), int),
      ),
    ).toBe('{False: 0, True: 1}');
  });

  it('keeps the quirks of SortedSet: NaN bisects to the front, sets of sets order by inclusion', () => {
    expect(formatCqlValue(new Set([-Infinity, 0.1, 1, 1e300, Infinity, NaN]), set(double))).toBe(
      '{NaN, -Infinity, 0.1, 1, 1e+300, Infinity}',
    );
    const sets = new Set([new Set([1]), new Set([1, 2]), new Set([2, 5, 9]), new Set([3])]);
    expect(formatCqlValue(sets, set(set(int)))).toBe('{{3}, {2, 5, 9}, {1}, {1, 2}}');
  });

  it('quotes strings inside collections, doubling quotes; nested and frozen-empty collections print', () => {
    expect(
      formatCqlValue(
        new Map([
          ['y', -0],
          ['x', 1.5],
          ['z', NaN],
        ]),
        map(text, double),
      ),
    ).toBe("{'x': 1.5, 'y': -0, 'z': NaN}");
    expect(
      formatCqlValue(
        [
          new Map([
            [1, 'one'],
            [0, 'zero'],
          ]),
          new Map(),
        ],
        list(map(int, text)),
      ),
    ).toBe("[{0: 'zero', 1: 'one'}, {}]");
    const keys = new Map([
      [new types.Tuple(2, 'a'), true],
      [new types.Tuple(1, 'b'), false],
      [new types.Tuple(1, 'a'), true],
    ]);
    expect(formatCqlValue(keys, map(tuple(int, text), t(dataTypes.boolean)))).toBe(
      "{(1, 'a'): True, (1, 'b'): False, (2, 'a'): True}",
    );
    expect(formatCqlValue([], list(int))).toBe('[]');
  });

  it('prints durations inside a list unquoted, a zero duration as nothing', () => {
    const durations = ['1mo', '-2d', '25h', '0s', '14mo'].map((d) => types.Duration.fromString(d));
    expect(formatCqlValue(durations, list(t(dataTypes.duration)))).toBe('[1mo, -2d, 25h, , 1y2mo]');
  });
});

describe('tuples, UDTs and vectors', () => {
  it('prints tuples, and None for a null that only needs str()', () => {
    expect(formatCqlValue(new types.Tuple(1, 'two', 3.5), tuple(int, text, float))).toBe("(1, 'two', 3.5)");
    const kinds = [dataTypes.int, dataTypes.uuid, dataTypes.inet, dataTypes.timestamp, dataTypes.varchar].map((c) =>
      t(c),
    );
    expect(formatCqlValue(new types.Tuple(null, null, null, null, null), tuple(...kinds))).toBe(
      "(None, None, 'None', 'None', None)",
    );
  });

  it('falls back to Python repr of the whole cell when a null element breaks the formatter', () => {
    expect(formatCqlValue(new types.Tuple(null, null, null), tuple(int, text, float))).toBe('(None, None, None)');
    expect(formatCqlValue(new types.Tuple("it's", null), tuple(t(dataTypes.ascii), double))).toBe('("it\'s", None)');
    expect(formatCqlValue(new types.Tuple(null, 1.0), tuple(t(dataTypes.ascii), double))).toBe('(None, 1.0)');
    const value = new types.Tuple(
      [1, 2],
      new Map([['a', 1]]),
      new Set([Buffer.from([1]), Buffer.from([2])]),
      new types.Tuple(5),
      types.BigDecimal.fromString('1.50'),
      timeuuid('50554d6e-29bb-11e5-b345-feff819cdc9f'),
      new Date('2020-01-01T10:11:12.345Z'),
      types.LocalDate.fromString('2020-01-02'),
      types.LocalTime.fromString('01:02:03.123456789'),
      inet('::1'),
      false,
      types.Duration.fromString('-3y'),
      null,
      'it\'s "q"',
      types.Integer.fromNumber(-5),
    );
    const type = tuple(
      list(int),
      map(text, int),
      set(t(dataTypes.blob)),
      tuple(int),
      t(dataTypes.decimal),
      t(dataTypes.uuid),
      t(dataTypes.timestamp),
      t(dataTypes.date),
      t(dataTypes.time),
      t(dataTypes.inet),
      t(dataTypes.boolean),
      t(dataTypes.duration),
      double,
      text,
      t(dataTypes.varint),
    );
    expect(formatCqlValue(value, type)).toBe(
      "([1, 2], OrderedMapSerializedKey([('a', 1)]), SortedSet([b'\\x01', b'\\x02']), (5,), Decimal('1.50'), " +
        "UUID('50554d6e-29bb-11e5-b345-feff819cdc9f'), datetime.datetime(2020, 1, 1, 10, 11, 12, 345000), Date(18263), " +
        "Time(3723123456789), '::1', False, Duration(-36, 0, 0), None, 'it\\'s \"q\"', -5)",
    );
  });

  it('prints UDTs with field names, null fields as null', () => {
    expect(formatCqlValue({ street: 'Main', zip: 12345, tags: new Set(['y', 'x']) }, address)).toBe(
      "{street: 'Main', zip: 12345, tags: {'x', 'y'}}",
    );
    expect(formatCqlValue({ street: null, zip: null, tags: null }, address)).toBe(
      '{street: null, zip: null, tags: null}',
    );
    expect(formatCqlValue([{ street: "a'b", zip: 1, tags: null }], list(address))).toBe(
      "[{street: 'a''b', zip: 1, tags: null}]",
    );
  });

  it('types a UDT field as the schema does (text, not varchar), so a null text in a tuple there breaks it', () => {
    const outer = udt('outer', [
      ['name', text],
      ['home', address],
      ['pair', tuple(int, text)],
      ['scores', list(double)],
    ]);
    const value = {
      name: 'n',
      home: { street: 'S', zip: null, tags: null },
      pair: new types.Tuple(1, null),
      scores: [1.5, 1e-7],
    };
    expect(formatCqlValue(value, outer)).toBe(
      "outer(name='n', home=address(street='S', zip=None, tags=None), pair=(1, None), scores=[1.5, 1e-07])",
    );
    // At the top level the same tuple is typed varchar and prints.
    expect(formatCqlValue(new types.Tuple(1, null), tuple(int, text))).toBe('(1, None)');
  });

  it('follows the Python driver where a UDT cannot be a namedtuple', () => {
    const odd = udt('odd', [
      ['street', text],
      ['Zip Code', int],
      ['from', text],
    ]);
    expect(formatCqlValue({ street: 'x', 'Zip Code': 5, from: 'y' }, odd)).toBe(
      "{street: 'x', field_1_: 5, field_2_: 'y'}",
    );
    expect(
      formatCqlValue(
        { a: 'q', b: 1 },
        udt('class', [
          ['a', text],
          ['b', int],
        ]),
      ),
    ).toBe("('q', 1)");
  });

  it('prints vectors like lists, whatever their element type', () => {
    const floats = t(
      dataTypes.custom,
      'org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType , 3)',
    );
    expect(formatCqlValue(new types.Vector([1.5, -2.25, 1e10], 'float'), floats)).toBe('[1.5, -2.25, 1e+10]');
    expect(formatCqlValue(new types.Vector(new Float32Array([-0, NaN, -Infinity]), 'float'), floats)).toBe(
      '[-0, NaN, -Infinity]',
    );
    const texts = t(
      dataTypes.custom,
      'org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.UTF8Type , 2)',
    );
    expect(formatCqlValue(new types.Vector(["a'b", 'c\\d'], 'varchar'), texts)).toBe("['a''b', 'c\\\\d']");
  });
});
