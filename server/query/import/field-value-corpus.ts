import 'server-only';
/**
 * Test support for field-value.test.ts: column types with values as the driver decodes them, the
 * edges of each type (the export round trip's corpus, testing/export-roundtrip-corpus.ts, as values
 * rather than CQL) and seeded random numbers and timestamps where rounding would show.
 */
import { types } from 'cassandra-driver';
import { CqlMap, CqlSet } from '../../cluster/cql-collections';
import type { CqlType } from '../format/cql-type';

const { dataTypes } = types;
const t = (code: number, info?: unknown): CqlType => ({ code, info });
const list = (e: CqlType) => t(dataTypes.list, e);
const set = (e: CqlType) => t(dataTypes.set, e);
const map = (k: CqlType, v: CqlType) => t(dataTypes.map, [k, v]);
const tuple = (...e: CqlType[]) => t(dataTypes.tuple, e);
const udt = (name: string, fields: [string, CqlType][]) =>
  t(dataTypes.udt, { name, fields: fields.map(([n, type]) => ({ name: n, type })) });
const vector = (e: CqlType, dimension: number): CqlType => ({
  code: dataTypes.custom,
  customTypeName: 'vector',
  info: [e, dimension],
});

const [TEXT, ASCII, INT, BIGINT, SMALLINT, TINYINT, VARINT, FLOAT, DOUBLE, DECIMAL, BOOLEAN] = [
  dataTypes.text,
  dataTypes.ascii,
  dataTypes.int,
  dataTypes.bigint,
  dataTypes.smallint,
  dataTypes.tinyint,
  dataTypes.varint,
  dataTypes.float,
  dataTypes.double,
  dataTypes.decimal,
  dataTypes.boolean,
].map((code) => t(code)) as [
  CqlType,
  CqlType,
  CqlType,
  CqlType,
  CqlType,
  CqlType,
  CqlType,
  CqlType,
  CqlType,
  CqlType,
  CqlType,
];
const [UUID, TIMEUUID, TIMESTAMP, DATE, TIME, INET, BLOB, DURATION, COUNTER, VARCHAR] = [
  dataTypes.uuid,
  dataTypes.timeuuid,
  dataTypes.timestamp,
  dataTypes.date,
  dataTypes.time,
  dataTypes.inet,
  dataTypes.blob,
  dataTypes.duration,
  dataTypes.counter,
  dataTypes.varchar,
].map((code) => t(code)) as [CqlType, CqlType, CqlType, CqlType, CqlType, CqlType, CqlType, CqlType, CqlType, CqlType];

/** A date by its day count from 1970-01-01, as the driver decodes one (its typings lack that constructor). */
function day(days: number): types.LocalDate {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(2 ** 31 + days);
  return types.LocalDate.fromBuffer(buffer);
}
const decimal = (unscaled: string, scale: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(scale);
  const digits = BigInt(unscaled);
  const hex = types.Integer.toBuffer(types.Integer.fromString(digits.toString()));
  return types.BigDecimal.fromBuffer(Buffer.concat([buffer, hex]));
};
const inet = (hex: string) => new types.InetAddress(Buffer.from(hex, 'hex'));
const time = (text: string) => types.LocalTime.fromString(text);
const TU = ['50554d6e-29bb-11e5-b345-feff819cdc9f', '60554d6e-19bb-11e5-b345-feff819cdc9f'].map((u) =>
  types.TimeUuid.fromString(u),
);

/** A small seeded PRNG, so a failing random value is the same value on the next run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261207);
const bits = new Uint32Array(2);
const asFloat = new Float32Array(bits.buffer, 0, 1);
const asDouble = new Float64Array(bits.buffer);
// NaNs with other bits than the usual one are left out: the export writes every NaN as `NaN`.
const randomFloats = Array.from({ length: 300 }, () => {
  bits[0] = Math.floor(random() * 2 ** 32);
  return asFloat[0] ?? 0;
}).filter((v) => !Number.isNaN(v));
const randomDoubles = Array.from({ length: 300 }, () => {
  bits[0] = Math.floor(random() * 2 ** 32);
  bits[1] = Math.floor(random() * 2 ** 32);
  return asDouble[0] ?? 0;
}).filter((v) => !Number.isNaN(v));
const randomMs = Array.from({ length: 300 }, () => Math.floor((random() - 0.5) * 2 * 8.64e15));
const randomDecimals = Array.from({ length: 100 }, () =>
  decimal(
    `${random() < 0.3 ? '-' : ''}${Math.floor(random() * 1e15)}${Math.floor(random() * 1e15)}`,
    Math.floor(random() * 80) - 40,
  ),
);

const address = udt('address', [
  ['street', TEXT],
  ['zip', INT],
  ['tags', set(TEXT)],
]);
const odd = udt('odd', [
  ['Zip Code', INT],
  ['say "hi"', TEXT],
  ['plain', list(INT)],
]);
const outer = udt('outer', [
  ['name', TEXT],
  ['home', address],
  ['pair', tuple(INT, TEXT)],
  ['scores', list(DOUBLE)],
]);

const TEXTS = ['', 'a', "it's", 'x, y', 'null', 'NULL', 'None', '  spaced  ', 'héllo 😀 日本語', '\u0000\u007f'];
const MORE_TEXTS = ['a\nb\r\n', '"quoted"', 'back\\slash', '[1, 2]', "{'a': 1}", '0x00', "''", ':', 'a:b', '\u2028'];

/** A map from alternating keys and values, in the order Cassandra keeps them (sorted by key). */
function m(...kv: unknown[]): CqlMap {
  const pairs: [unknown, unknown][] = [];
  for (let i = 0; i < kv.length; i += 2) pairs.push([kv[i], kv[i + 1]]);
  return new CqlMap(pairs);
}
const st = (...items: unknown[]) => new CqlSet(items);
const tup = (...items: unknown[]) => types.Tuple.fromArray(items);
const longs = (...s: string[]) => s.map((x) => types.Long.fromString(x));
const integers = (...s: string[]) => s.map((x) => types.Integer.fromString(x));
const decimals = (...s: string[]) => s.map((x) => types.BigDecimal.fromString(x));
const durations = (...s: string[]) => s.map((x) => types.Duration.fromString(x));
const dates = (...ms: number[]) => ms.map((x) => new Date(x));
const blobs = (...hex: string[]) => hex.map((h) => Buffer.from(h, 'hex'));
const V6 = {
  zero: '00000000000000000000000000000000',
  one: '00000000000000000000000000000001',
  doc: '20010db8000000000000000000000001',
  mapped: '00000000000000000000ffff01020304',
  compat: '00000000000000000000000001020304',
};

export const CORPUS: { type: CqlType; values: unknown[] }[] = [
  { type: TEXT, values: [...TEXTS, ...MORE_TEXTS] },
  { type: VARCHAR, values: ['', 'v'] },
  { type: ASCII, values: ['', 'abc', 'a,b"c\\d', "'"] },
  { type: INT, values: [0, -1, 42, 2147483647, -2147483648] },
  { type: SMALLINT, values: [0, 32767, -32768] },
  { type: TINYINT, values: [0, 127, -128, -3] },
  { type: BIGINT, values: longs('0', '-1', '9223372036854775807', '-9223372036854775808') },
  { type: COUNTER, values: longs('123456789012345') },
  { type: VARINT, values: integers('0', '-1', '12345678901234567890123', '-987654321098765432109876543210987654321') },
  {
    type: FLOAT,
    values: [0, -0, NaN, Infinity, -Infinity, 3.14, 1e-45, 3.4028235e38, 0.1, 16777217, 1e10, 100025, 2.5e-38]
      .map(Math.fround)
      .concat(randomFloats),
  },
  {
    type: DOUBLE,
    values: [0, -0, NaN, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 0.30000000000000004, 1e300, -1e100],
  },
  { type: DOUBLE, values: randomDoubles },
  {
    type: DECIMAL,
    values: [
      ...decimals('1.50', '-2', '0.00000001', '0', '0.000', '-98765432109876543210987654321.000000000001'),
      ...[decimal('1', -20), decimal('-1', 30), decimal('12', -5), decimal('0', -3)],
      ...randomDecimals,
    ],
  },
  { type: BOOLEAN, values: [true, false] },
  { type: UUID, values: [types.Uuid.fromString('5a3b6f4e-8c2a-4d41-9e6f-1f0c4b1b2b2b'), ...TU] },
  { type: TIMEUUID, values: TU },
  {
    type: TIMESTAMP,
    values: dates(0, -1, 1, 1700000000123, -62135596800000, -62135596800001, 253402300799999, 253402300800000),
  },
  { type: TIMESTAMP, values: dates(8.64e15, -8.64e15, -17211481048295, 1709208000500, -14182939877, ...randomMs) },
  { type: DATE, values: [0, -1, -719162, -719163, 2932896, 2932897, 10957, -25508, -(2 ** 31), 2 ** 31 - 1].map(day) },
  { type: TIME, values: ['00:00:00', '00:00:00.000000001', '13:45:00.25', '23:59:59.999999999'].map(time) },
  {
    type: INET,
    values: [...Object.values(V6), '7f000001', '00000000', 'ffffffff', 'fe800000000000000000000000010002'].map(inet),
  },
  { type: INET, values: ['00010002000300040005000600070008', '00010000000000000000000000000000'].map(inet) },
  { type: BLOB, values: blobs('', '00', '00ff7f80', 'cafe') },
  { type: DURATION, values: durations('0s', '1y2mo3d', '-1y2mo3d4h5m6s7ms8us9ns', '-9ns', '3w', '1mo') },
  { type: list(TEXT), values: [['b', 'a', 'b', '', 'x, y', "q's", 'null'], [], ['\u0000']] },
  { type: set(TEXT), values: [st('', 'Z', 'a', '\uffff', '😀'), st()] },
  { type: map(TEXT, DOUBLE), values: [m('', Infinity, 'w', -Infinity, 'x', 1.5, 'y', -0, 'z', NaN)] },
  { type: list(INT), values: [[3, 1, 2], []] },
  { type: set(TIMEUUID), values: [st(...TU)] },
  { type: map(INT, TEXT), values: [m(-1, 'minus', 0, '', 1, 'one: 1', 2, 'two'), m()] },
  { type: list(map(INT, TEXT)), values: [[m(0, 'zero', 1, 'one'), m()]] },
  { type: set(set(INT)), values: [st(st(), st(1), st(1, 2), st(3))] },
  { type: map(tuple(INT, TEXT), BOOLEAN), values: [m(tup(1, 'b:c'), false, tup(2, 'a'), true)] },
  { type: map(INET, INT), values: [m(inet('0a000001'), 1, inet(V6.one), 3, inet(V6.doc), 5)] },
  { type: set(DOUBLE), values: [st(-Infinity, -0, 0, 5e-324, 0.1, 1, 1e300, Infinity, NaN)] },
  { type: list(FLOAT), values: [[1234567, 0.05, NaN, -0, 100025, 1e-30, 3.4028235e38, 1e-45].map(Math.fround)] },
  { type: list(DATE), values: [[-719162, 2932896, 11016, 0, -719163, 2932897].map(day)] },
  { type: list(TIMESTAMP), values: [dates(-62135596800001, 0, 253402300800000, 1709208000500, -17211481048295)] },
  { type: set(DECIMAL), values: [st(...decimals('-2', '0.000', '1.50'), decimal('1', -20))] },
  { type: set(VARINT), values: [st(...integers('-1', '0', '99999999999999999999999999999999999999'))] },
  { type: set(BLOB), values: [st(...blobs('', '01', '0100', '02'))] },
  { type: map(UUID, TEXT), values: [m(TU[0], 'a', TU[1], 'b')] },
  { type: map(BOOLEAN, INT), values: [m(false, 0, true, 1)] },
  { type: list(TIME), values: [['00:00:00', '23:59:59.999999999', '00:00:00.000000001'].map(time)] },
  { type: map(TIME, INT), values: [m(time('00:00:01'), 2, time('13:45:00'), 1)] },
  { type: map(DATE, TEXT), values: [m(day(-719163), 'before', day(0), 'epoch', day(2932897), 'after')] },
  { type: map(TIMESTAMP, INT), values: [m(new Date(-62135596800001), 2, new Date(0), 1)] },
  { type: map(DOUBLE, INT), values: [m(-Infinity, 4, -1.5, 5, -0, 1, 0, 2, 1, 6, NaN, 3)] },
  { type: map(FLOAT, TEXT), values: [m(Math.fround(0.1), 'a', 2, 'b')] },
  {
    type: map(DECIMAL, TEXT),
    values: [m(types.BigDecimal.fromString('-1.5'), 'a', types.BigDecimal.fromString('7'), 'b')],
  },
  { type: map(TEXT, INT), values: [m('0', 1, '10', 2, '2', 3, 'a', 4)] },
  { type: map(BLOB, INT), values: [m(Buffer.alloc(0), 1, Buffer.from([1]), 2)] },
  {
    type: map(VARINT, TEXT),
    values: [
      m(types.Integer.fromString('-123456789012345678901234567890'), 'big', types.Integer.fromString('5'), 'five'),
    ],
  },
  { type: map(TEXT, list(FLOAT)), values: [m('a', [1.5, -0], 'b', [NaN], 'c', [])] },
  { type: tuple(INT, TEXT, FLOAT), values: [tup(1, 'two, "2"', 3.5), tup(1, null, null), tup(null, null, null)] },
  {
    type: tuple(list(INT), map(TEXT, INT), DECIMAL, TIMESTAMP, DATE, INET, BOOLEAN, DURATION, set(TEXT)),
    values: [
      tup(
        [1, 2],
        m('a', 1),
        decimal('150', 2),
        new Date(1577873472345),
        day(18263),
        inet(V6.one),
        false,
        durations('1d')[0],
        ['a'],
      ),
      tup([], m(), null, new Date(-62135596800001), day(-719163), null, null, null, []),
    ],
  },
  { type: tuple(map(INT, INT), TEXT), values: [tup(m(-2, 1, 0, 2, 3, 3), 'x')] },
  {
    type: address,
    values: [
      { street: 'Main, 1', zip: 12345, tags: st('x') },
      { street: null, zip: null, tags: null },
      { street: '', zip: 0, tags: st('', 'b') },
    ],
  },
  {
    type: odd,
    values: [
      { 'Zip Code': 5, 'say "hi"': 'hi', plain: [1] },
      { 'Zip Code': null, 'say "hi"': "'", plain: [] },
    ],
  },
  {
    type: outer,
    values: [{ name: 'n', home: { street: 'S', zip: null, tags: null }, pair: tup(1, 'p'), scores: [1.5, 1e-7, -0] }],
  },
  {
    type: list(address),
    values: [
      [
        { street: "a'b", zip: 1, tags: null },
        { street: null, zip: 2, tags: st('t') },
      ],
    ],
  },
  { type: map(address, INT), values: [m({ street: 'k', zip: 1, tags: null }, 1)] },
  {
    type: vector(FLOAT, 3),
    values: [
      [1.5, -2.25, 1e10],
      [-0, NaN, -Infinity],
    ].map((v) => new types.Vector(new Float32Array(v))),
  },
  { type: vector(TEXT, 2), values: [new types.Vector(["a'b", 'c\\d, "e"'], 'text')] },
  { type: vector(BIGINT, 1), values: [new types.Vector(longs('-9223372036854775808'), 'bigint')] },
  { type: set(map(INT, TEXT)), values: [st(m(0, 'z', 1, 'a'), m(1, 'a'), m(2, 'b'))] },
  { type: map(map(INT, INT), INT), values: [m(m(1, 1), 2, m(2, 2), 1)] },
  { type: set(list(TEXT)), values: [st([], ['', 'b'], ['a'])] },
  { type: list(DURATION), values: [durations('1y', '-2d', '0s')] },
];
