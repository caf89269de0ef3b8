/**
 * The table the export's round trip is held to: every CQL type cqlsh's COPY FROM can load (durations
 * it cannot: the export refuses them, see dialect-check.ts), rows of edge values as CQL literals, and
 * seeded random rows for the numbers and timestamps where rounding would show.
 */
export const KS = 'ringside_it_export_roundtrip';

const COLUMN_TYPES: [string, string][] = [
  ['c_text', 'text'],
  ['c_ascii', 'ascii'],
  ['c_int', 'int'],
  ['c_bigint', 'bigint'],
  ['c_smallint', 'smallint'],
  ['c_tinyint', 'tinyint'],
  ['c_varint', 'varint'],
  ['c_float', 'float'],
  ['c_double', 'double'],
  ['c_decimal', 'decimal'],
  ['c_boolean', 'boolean'],
  ['c_uuid', 'uuid'],
  ['c_timeuuid', 'timeuuid'],
  ['c_timestamp', 'timestamp'],
  ['c_date', 'date'],
  ['c_time', 'time'],
  ['c_inet', 'inet'],
  ['c_blob', 'blob'],
  ['c_list', 'list<text>'],
  ['c_set', 'set<text>'],
  ['c_map', 'map<text, double>'],
  ['c_flist', 'frozen<list<int>>'],
  ['c_fset', 'frozen<set<timeuuid>>'],
  ['c_fmap', 'frozen<map<int, text>>'],
  ['c_nested', 'frozen<list<frozen<map<int, text>>>>'],
  ['c_set_of_sets', 'set<frozen<set<int>>>'],
  ['c_tuple_keys', 'map<frozen<tuple<int, text>>, boolean>'],
  ['c_inet_map', 'map<inet, int>'],
  ['c_double_set', 'set<double>'],
  ['c_float_list', 'list<float>'],
  ['c_date_list', 'list<date>'],
  ['c_ts_list', 'list<timestamp>'],
  ['c_decimal_set', 'set<decimal>'],
  ['c_varint_set', 'set<varint>'],
  ['c_blob_set', 'set<blob>'],
  ['c_uuid_map', 'map<uuid, text>'],
  ['c_bool_map', 'map<boolean, int>'],
  ['c_time_list', 'list<time>'],
  ['c_map_of_lists', 'map<text, frozen<list<float>>>'],
  ['c_tuple', 'tuple<int, text, float>'],
  [
    'c_tuple_nested',
    'frozen<tuple<frozen<list<int>>, frozen<map<text, int>>, decimal, timestamp, date, inet, boolean>>',
  ],
  ['c_udt', 'frozen<address>'],
  ['c_udt_live', 'address'],
  ['c_udt_nested', 'frozen<outer>'],
  ['c_udt_list', 'list<frozen<address>>'],
  ['c_vector', 'vector<float, 3>'],
  ['c_vector_text', 'vector<text, 2>'],
  ['c_set_of_maps', 'set<frozen<map<int, text>>>'],
  ['c_map_keyed_by_maps', 'map<frozen<map<int, int>>, int>'],
];

export const COLUMNS = ['pk', 'ck', ...COLUMN_TYPES.map(([name]) => name)];

const columnsDdl = COLUMN_TYPES.map(([name, type]) => `${name} ${type}`).join(', ');

export const SCHEMA = [
  `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`,
  `CREATE TYPE ${KS}.address (street text, zip int, tags frozen<set<text>>)`,
  `CREATE TYPE ${KS}.outer (name text, home frozen<address>, pair frozen<tuple<int, text>>, scores frozen<list<double>>)`,
  // The key holds text too: '' is a valid clustering value and must not come back as a missing key.
  `CREATE TABLE ${KS}.t (pk int, ck text, ${columnsDdl}, PRIMARY KEY (pk, ck))`,
  `CREATE TABLE ${KS}.twin (pk int, ck text, ${columnsDdl}, PRIMARY KEY (pk, ck))`,
  // Values and a type the cqlsh dialect cannot carry, one row each.
  `CREATE TABLE ${KS}.cannot (pk int PRIMARY KEY, t text, u frozen<address>, tu frozen<tuple<int, text>>, d date, du duration)`,
];

type Row = Record<string, string>;

const TU = ['50554d6e-29bb-11e5-b345-feff819cdc9f', '60554d6e-19bb-11e5-b345-feff819cdc9f'] as const;

const EDGE_ROWS: Row[] = [
  {
    c_text: "'hello, \"world\" \\ it''s'",
    c_ascii: "'a,b\"c\\d'",
    c_int: '42',
    c_bigint: '1234567890123',
    c_smallint: '7',
    c_tinyint: '-3',
    c_varint: '12345678901234567890123',
    c_float: '3.14',
    c_double: '2.718281828459045',
    c_decimal: '12345678901234567890.123456789',
    c_boolean: 'true',
    c_uuid: '5a3b6f4e-8c2a-4d41-9e6f-1f0c4b1b2b2b',
    c_timeuuid: TU[0],
    c_timestamp: "'1969-07-20 20:17:40.123Z'",
    c_date: "'1969-07-20'",
    c_time: "'13:45:00.250'",
    c_inet: "'127.0.0.1'",
    c_blob: '0xcafe',
    c_list: "['b', 'a', 'b', '', 'x, y', 'q''s']",
    c_set: "{'b', 'a', 'Z', '\uffff', '😀', ''}",
    c_map: "{'y': -0.0, 'x': 1.5, 'z': NaN, 'w': -Infinity, '': Infinity}",
    c_flist: '[3, 1, 2]',
    c_fset: `{${TU.join(', ')}}`,
    c_fmap: "{2: 'two', 1: 'one: 1', 0: ''}",
    c_nested: "[{1: 'one', 0: 'zero'}, {}]",
    c_set_of_sets: '{{3}, {1, 2}, {1}, {}}',
    c_tuple_keys: "{(2, 'a'): true, (1, 'b:c'): false, (1, ''): true}",
    c_inet_map: "{'10.0.0.1': 1, '::1': 3, '2001:db8::1': 5, '::ffff:1.2.3.4': 6}",
    c_double_set: '{NaN, -Infinity, 0.1, 1, Infinity, 1e300, -0.0, 5e-324}',
    c_float_list: '[1234567.0, 0.05, NaN, -0.0, 100025, 1e-30, 3.4028235e38, 1e-45]',
    c_date_list: "['0001-01-01', '9999-12-31', '2000-02-29', '1970-01-01']",
    c_ts_list:
      "[-62135596800001, -62135596800000, 253402300800000, 253402300799999, 0, '2024-02-29 12:00:00.5Z', -17211481048295, 8640000000000000, -8640000000000000]",
    c_decimal_set: '{1.50, -2, 1E+20, 0.00000001, 0, 0.000, -1E-30}',
    c_varint_set: '{-1, 99999999999999999999999999999999999999, 0}',
    c_blob_set: '{0x02, 0x0100, 0x01, 0x}',
    c_uuid_map: `{${TU[1]}: 'b', ${TU[0]}: 'a'}`,
    c_bool_map: '{true: 1, false: 0}',
    c_time_list: "['00:00:00', '23:59:59.999999999', 1]",
    c_map_of_lists: "{'a': [1.5, -0.0], 'b': [NaN], 'c': []}",
    c_tuple: '(1, \'two, "2"\', 3.5)',
    c_tuple_nested: "([1, 2], {'a': 1}, 1.50, '2020-01-01 10:11:12.345Z', '2020-01-02', '::1', false)",
    // One tag: a set of several inside a UDT would not keep its order through COPY FROM (refused).
    c_udt: "{street: 'Main, 1', zip: 12345, tags: {'x'}}",
    c_udt_live: "{street: 'Side', zip: null}",
    c_udt_nested: "{name: 'n', home: {street: 'S', zip: null, tags: null}, pair: (1, 'p'), scores: [1.5, 1e-7, -0.0]}",
    c_udt_list: "[{street: 'a''b', zip: 1}, {street: null, zip: 2, tags: {'t'}}]",
    c_vector: '[1.5, -2.25, 1e10]',
    c_vector_text: "['a''b', 'c\\d, \"e\"']",
    c_set_of_maps: "{{2: 'b'}, {1: 'a'}, {1: 'a', 0: 'z'}}",
    c_map_keyed_by_maps: '{{2: 2}: 1, {1: 1}: 2}',
  },
  {
    // Minimums, empty values (an empty string apart from null), all-null UDTs.
    c_text: "''",
    c_ascii: "''",
    c_int: '-2147483648',
    c_bigint: '-9223372036854775808',
    c_smallint: '-32768',
    c_tinyint: '-128',
    c_varint: '-987654321098765432109876543210987654321',
    c_float: '-Infinity',
    c_double: '-0.0',
    c_decimal: '-0.00000001',
    c_boolean: 'false',
    c_timestamp: "'0001-01-01 00:00:00Z'",
    c_date: "'0001-01-01'",
    c_time: "'00:00:00'",
    c_inet: "'::'",
    c_blob: '0x00',
    c_flist: '[]',
    c_fset: '{}',
    c_fmap: '{}',
    c_nested: '[{}]',
    c_udt: '{street: null, zip: null, tags: null}',
    c_udt_live: "{street: ''}",
    c_vector: '[-0.0, NaN, -Infinity]',
  },
  {
    c_text: "'  leading and trailing  '",
    c_ascii: "' null '",
    c_int: '2147483647',
    c_bigint: '9223372036854775807',
    c_smallint: '32767',
    c_tinyint: '127',
    c_varint: '987654321098765432109876543210987654321',
    c_float: 'Infinity',
    c_double: '1.7976931348623157e308',
    c_decimal: '1E+20',
    c_timestamp: "'9999-12-31 23:59:59.999Z'",
    c_date: "'9999-12-31'",
    c_time: "'23:59:59.999999999'",
    c_inet: "'2001:db8::1'",
    c_blob: '0x00ff7f80',
    c_udt_live: "{street: '', zip: 0, tags: {''}}",
  },
  { c_text: "'NULL'", c_float: 'NaN', c_double: 'NaN', c_decimal: '0.000', c_timestamp: '-62135596800001' },
  { c_text: "'None'", c_double: '5e-324', c_timestamp: '253402300800000', c_date: "'1900-02-28'" },
  { c_text: "'héllo wörld ✓ 😀 日本語 \u0001\u007f\u00a0\u2028'", c_double: '-1e100', c_timestamp: '8640000000000000' },
  { c_text: "'0x00'", c_double: '0.30000000000000004', c_timestamp: '-8640000000000000' },
];

/** A small seeded PRNG, so a failing random row is the same row on the next run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRows(count: number): Row[] {
  const random = mulberry32(20261207);
  const int = (n: number): number => Math.floor(random() * n);
  const digits = (n: number): string => Array.from({ length: n }, (_, i) => (i === 0 ? 1 + int(9) : int(10))).join('');
  // No line breaks: cqlsh's COPY FROM cannot read them back (the export refuses them for that dialect).
  const alphabet = ['a', 'Z', ' ', "'", '"', '\\', ',', ':', '{', ']', '\t', '\u0000', 'é', '\u2028', '日', '😀'];
  const text = (): string =>
    `'${Array.from({ length: int(12) }, () => alphabet[int(alphabet.length)])
      .join('')
      .replace(/'/g, "''")}'`;
  const ms = (): number => Math.floor(random() * (253402300799999 + 62135596800000)) - 62135596800000;
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const sign = random() < 0.3 ? '-' : '';
    const double =
      random() < 0.5
        ? Number(`${sign}${digits(1 + int(8))}e${int(20) - 10}`)
        : Number(sign + String(10 ** (random() * 34 - 12) * random()));
    rows.push({
      c_text: text(),
      c_float: String(Math.fround(double)),
      c_double: String(double),
      c_decimal: `${sign}${digits(1 + int(30))}E${int(60) - 40}`,
      c_varint: `${sign}${digits(1 + int(45))}`,
      c_timestamp: String(ms()),
      // Enough timestamps that the ones cqlsh would read a millisecond off through float seconds turn up.
      c_ts_list: `[${Array.from({ length: 20 }, ms).join(', ')}]`,
      // Years 1–9999: cqlsh's COPY FROM reads a date only as yyyy-mm-dd (the export refuses others for it).
      c_date: String(2 ** 31 - 719_162 + int(719_162 + 2_932_896)),
      c_set: `{${Array.from({ length: 1 + int(4) }, text).join(', ')}}`,
      c_float_list: `[${String(Math.fround(double * 7))}, ${String(Math.fround(-double / 3))}]`,
    });
  }
  return rows;
}

export const ROWS: Row[] = [...EDGE_ROWS, ...randomRows(150)];

export function insertStatements(): string[] {
  return ROWS.map((row, i) => {
    const columns = Object.keys(row);
    // Clustering keys that sort apart and include '' (the first row).
    const ck = i === 0 ? "''" : `'k${String(i).padStart(4, '0')}'`;
    return `INSERT INTO ${KS}.t (pk, ck, ${columns.join(', ')}) VALUES (${i % 7}, ${ck}, ${columns.map((c) => row[c]).join(', ')})`;
  });
}
