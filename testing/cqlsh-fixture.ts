/**
 * The table the formatter is held to cqlsh on: one column per CQL type (and the collection,
 * tuple, UDT and vector shapes that change how values print), rows of edge values written as CQL
 * literals, and seeded random rows for floats, decimals and timestamps. Also runs cqlsh itself and
 * reads its expanded (`EXPAND ON`) output back into cells.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cqlshCommand } from '@/localcluster/cqlsh';

export const KS = 'ringside_it_types';

export const SCHEMA = [
  `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`,
  `CREATE TYPE ${KS}.address (street text, zip int, tags frozen<set<text>>)`,
  // Field names Python cannot use in a namedtuple: the driver renames them field_<i>_.
  `CREATE TYPE ${KS}.odd (street text, "Zip Code" int, "from" text)`,
  // A type name that is a Python keyword: the driver gives cqlsh a bare tuple.
  `CREATE TYPE ${KS}."class" (a text, b int)`,
  `CREATE TYPE ${KS}.outer (name text, home frozen<address>, pair frozen<tuple<int, text>>, scores frozen<list<double>>)`,
  `CREATE TABLE ${KS}.t (pk int, ck int,
    c_text text, c_ascii ascii, c_varchar varchar, c_int int, c_bigint bigint, c_smallint smallint, c_tinyint tinyint,
    c_varint varint, c_float float, c_double double, c_decimal decimal, c_boolean boolean, c_uuid uuid, c_timeuuid timeuuid,
    c_timestamp timestamp, c_date date, c_time time, c_duration duration, c_inet inet, c_blob blob,
    c_list list<text>, c_set set<text>, c_map map<text, double>,
    c_flist frozen<list<int>>, c_fset frozen<set<timeuuid>>, c_fmap frozen<map<int, text>>,
    c_nested frozen<list<frozen<map<int, text>>>>, c_set_of_sets set<frozen<set<int>>>,
    c_tuple_keys map<frozen<tuple<int, text>>, boolean>, c_inet_map map<inet, int>, c_double_set set<double>,
    c_float_list list<float>, c_date_list list<date>, c_ts_list list<timestamp>, c_decimal_set set<decimal>,
    c_varint_set set<varint>, c_blob_set set<blob>, c_uuid_map map<uuid, text>, c_bool_map map<boolean, int>,
    c_time_list list<time>, c_duration_list list<duration>, c_map_of_lists map<text, frozen<list<float>>>,
    c_tuple tuple<int, text, float>,
    c_tuple_none tuple<int, bigint, varint, smallint, tinyint, boolean, uuid, timeuuid, decimal, date, time, inet, timestamp, text>,
    c_tuple_fail tuple<ascii, double>,
    c_tuple_repr tuple<frozen<list<int>>, frozen<map<text, int>>, frozen<set<blob>>, frozen<tuple<int>>, decimal, uuid, timestamp, date, time, inet, boolean, duration, double, text, varint>,
    c_udt frozen<address>, c_udt_live address, c_udt_nested frozen<outer>, c_udt_list list<frozen<address>>,
    c_odd frozen<odd>, c_class frozen<"class">, c_vector vector<float, 3>, c_vector_text vector<text, 2>,
    c_set_of_maps set<frozen<map<int, text>>>, c_set_of_tuples set<frozen<tuple<int, text>>>,
    c_map_keyed_by_maps map<frozen<map<int, int>>, int>, c_map_keyed_by_tuples map<frozen<tuple<int, text>>, int>,
    PRIMARY KEY (pk, ck))`,
  `CREATE TABLE ${KS}.counters (pk int, ck int, c counter, PRIMARY KEY (pk, ck))`,
];

export const COLUMNS = [
  'ck',
  'c_text',
  'c_ascii',
  'c_varchar',
  'c_int',
  'c_bigint',
  'c_smallint',
  'c_tinyint',
  'c_varint',
  'c_float',
  'c_double',
  'c_decimal',
  'c_boolean',
  'c_uuid',
  'c_timeuuid',
  'c_timestamp',
  'c_date',
  'c_time',
  'c_duration',
  'c_inet',
  'c_blob',
  'c_list',
  'c_set',
  'c_map',
  'c_flist',
  'c_fset',
  'c_fmap',
  'c_nested',
  'c_set_of_sets',
  'c_tuple_keys',
  'c_inet_map',
  'c_double_set',
  'c_float_list',
  'c_date_list',
  'c_ts_list',
  'c_decimal_set',
  'c_varint_set',
  'c_blob_set',
  'c_uuid_map',
  'c_bool_map',
  'c_time_list',
  'c_duration_list',
  'c_map_of_lists',
  'c_tuple',
  'c_tuple_none',
  'c_tuple_fail',
  'c_tuple_repr',
  'c_udt',
  'c_udt_live',
  'c_udt_nested',
  'c_udt_list',
  'c_odd',
  'c_class',
  'c_vector',
  'c_vector_text',
  'c_set_of_maps',
  'c_set_of_tuples',
  'c_map_keyed_by_maps',
  'c_map_keyed_by_tuples',
];

type Row = Record<string, string>;

const TU = [
  '50554d6e-29bb-11e5-b345-feff819cdc9f',
  '60554d6e-19bb-11e5-b345-feff819cdc9f',
  '00000000-0001-1000-8000-000000000000',
] as const;

/** Edge values, as CQL literals. Columns a row leaves out are null. */
const EDGE_ROWS: Row[] = [
  {
    c_text: "'hello'",
    c_ascii: "'abc'",
    c_varchar: "'v'",
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
    c_duration: '1y2mo3d4h5m6s7ms8us9ns',
    c_inet: "'127.0.0.1'",
    c_blob: '0xcafe',
    c_list: "['b', 'a', 'b']",
    c_set: "{'b', 'a', 'Z', '\uffff', '😀'}",
    c_map: "{'y': -0.0, 'x': 1.5, 'z': NaN}",
    c_flist: '[3, 1, 2]',
    c_fset: `{${TU.join(', ')}}`,
    c_fmap: "{2: 'two', 1: 'one'}",
    c_nested: "[{1: 'one', 0: 'zero'}, {}]",
    c_set_of_sets: '{{3}, {1, 2}, {1}, {2, 5, 9}}',
    c_tuple_keys: "{(2, 'a'): true, (1, 'b'): false, (1, 'a'): true}",
    c_inet_map: "{'10.0.0.1': 1, '9.9.9.9': 2, '::1': 3, '1.2.3.4': 4, '2001:db8::1': 5}",
    c_double_set: '{NaN, -Infinity, 0.1, 1, Infinity, 1e300}',
    c_float_list: '[1234567.0, 0.05, NaN, -0.0, 100025]',
    c_date_list: "[2147483648, 0, 4294967295, 2147483647, '2000-02-29']",
    c_ts_list: "[-62135596800001, -62135596800000, 253402300800000, 0, '2024-02-29 12:00:00.5Z']",
    c_decimal_set: '{1.50, -2, 1E+20, 0.00000001, 0}',
    c_varint_set: '{-1, 99999999999999999999999, 0}',
    c_blob_set: '{0x02, 0x0100, 0x01}',
    c_uuid_map: `{${TU[1]}: 'b', ${TU[0]}: 'a'}`,
    c_bool_map: '{true: 1, false: 0}',
    c_time_list: "['00:00:00', '23:59:59.999999999', 1]",
    c_duration_list: '[1mo, -2d, 25h, 0s, 14mo]',
    c_map_of_lists: "{'a': [1.5, -0.0], 'b': [NaN]}",
    c_tuple: "(1, 'two', 3.5)",
    c_tuple_none: '(null, null, null, null, null, null, null, null, null, null, null, null, null, null)',
    c_tuple_fail: "('it''s', null)",
    c_tuple_repr: `([1, 2], {'a': 1}, {0x01, 0x02}, (5), 1.50, ${TU[0]}, '2020-01-01 10:11:12.345Z', '2020-01-02', '01:02:03.123456789', '::1', false, -3y, null, 'it''s "q"', -5)`,
    c_udt: "{street: 'Main', zip: 12345, tags: {'y', 'x'}}",
    c_udt_live: "{street: 'Side', zip: null}",
    c_udt_nested: "{name: 'n', home: {street: 'S', zip: null, tags: null}, pair: (1, null), scores: [1.5, 1e-7]}",
    c_udt_list: "[{street: 'a''b', zip: 1}, {street: null, zip: 2, tags: {'t'}}]",
    c_odd: '{street: \'x\', "Zip Code": 5, "from": \'y\'}',
    c_class: "{a: 'q', b: 1}",
    c_vector: '[1.5, -2.25, 1e10]',
    c_vector_text: "['a''b', 'c\\d']",
    // Python cannot order dicts, nor None against a value: SortedSet falls back to a scan, sorted() fails.
    c_set_of_maps: "{{2: 'b'}, {1: 'a'}, {1: 'a', 0: 'z'}}",
    c_set_of_tuples: "{(1, null), (1, 'a'), (null, 'b'), (0, 'c'), (2, null)}",
    c_map_keyed_by_maps: '{{2: 2}: 1, {1: 1}: 2}',
    c_map_keyed_by_tuples: "{(1, null): 1, (1, 'a'): 2}",
  },
  {
    // Minimums, empty values, nulls inside structures.
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
    c_date: '0',
    c_time: "'00:00:00'",
    c_duration: '-1y2mo3d4h5m6s7ms8us9ns',
    c_inet: "'::'",
    c_blob: '0x',
    c_list: '[]',
    c_set: '{}',
    c_map: '{}',
    c_flist: '[]',
    c_fset: '{}',
    c_fmap: '{}',
    c_nested: '[{}]',
    c_tuple: '(null, null, null)',
    c_tuple_fail: '(null, 1.0)',
    c_tuple_repr:
      "(null, null, null, null, null, null, '1960-01-01 10:11:12Z', '1960-01-02', '00:00:00', '::ffff:1.2.3.4', true, 1s, null, null, null)",
    c_udt: '{street: null, zip: null, tags: null}',
    c_udt_live: '{street: null}',
    c_odd: '{street: null}',
    c_vector: '[-0.0, NaN, -Infinity]',
    c_set_of_tuples: "{(null, null), (1, 'a')}",
    c_map_keyed_by_maps: '{{2: 2}: 1}',
    c_map_keyed_by_tuples: "{(2, 'a'): 2, (1, 'b'): 1}",
  },
  {
    // Maximums.
    c_text: "'line1\nline2\ttab\\back''quote\r'",
    c_ascii: "'a\u0001b\u007f\u001f'",
    c_int: '2147483647',
    c_bigint: '9223372036854775807',
    c_smallint: '32767',
    c_tinyint: '127',
    c_varint: '987654321098765432109876543210987654321',
    c_float: 'Infinity',
    c_double: '1e-7',
    c_decimal: '1E+20',
    c_timestamp: "'9999-12-31 23:59:59.999Z'",
    c_date: "'9999-12-31'",
    c_time: "'23:59:59.999999999'",
    c_duration: '0s',
    c_inet: "'2001:db8::1'",
    c_blob: '0x00ff7f80',
    c_udt_live: "{street: '', zip: 0, tags: {''}}",
  },
  {
    c_text: "'héllo wörld ✓ 😀 日本語'",
    c_float: 'NaN',
    c_double: 'NaN',
    c_decimal: '0.000',
    c_timestamp: "'1900-01-01 00:00:00.001Z'",
    c_date: "'0001-01-01'",
    c_duration: '-9ns',
    c_inet: "'::1.2.3.4'",
    c_varint: '0',
  },
  {
    c_text: "'\u0001\u001f\u007f\u0080\u0085\u009f\u00a0\u00a1\u2028\u200b\ufeff\\\\'",
    c_float: '123465.0',
    c_double: '123465.0',
    c_decimal: '100E3',
    c_timestamp: "'1969-12-31 23:59:59.999Z'",
    c_date: "'1900-02-28'",
    c_inet: "'2001:db8:0:0:1:0:0:1'",
  },
  {
    c_text: "' leading and trailing  '",
    c_float: '0.00012345678',
    c_double: '1.7976931348623157e308',
    c_decimal: '1E-6',
    c_timestamp: '253402300800000',
    c_inet: "'fe80::1:0:0:0'",
  },
  {
    c_float: '100025',
    c_double: '5e-324',
    c_decimal: '1E-7',
    c_timestamp: '-62135596800001',
    c_inet: "'1:0:0:1:0:0:0:1'",
  },
  {
    c_float: '99999.5',
    c_double: '0.30000000000000004',
    c_decimal: '-98765432109876543210987654321.000000000001',
    c_timestamp: '8640000000000000',
  },
  { c_float: '1e-30', c_double: '-1e100', c_decimal: '1.23E-30', c_timestamp: '-8640000000000000' },
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
  const random = mulberry32(20240229);
  const int = (n: number): number => Math.floor(random() * n);
  const digits = (n: number): string => Array.from({ length: n }, (_, i) => (i === 0 ? 1 + int(9) : int(10))).join('');
  // Text mixing ASCII, quotes, backslashes, control characters, Latin-1, BMP and astral characters.
  const alphabet = [
    'a',
    'Z',
    ' ',
    "'",
    '"',
    '\\',
    '\t',
    '\n',
    '\r',
    '\u0000',
    '\u0001',
    '\u007f',
    '\u0085',
    '\u00a0',
    'é',
    'ß',
    '\u2028',
    '✓',
    '日',
    '\uffff',
    '😀',
    '\u{10ffff}',
  ];
  const randomText = (): string => Array.from({ length: int(12) }, () => alphabet[int(alphabet.length)]).join('');
  const rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const sign = random() < 0.3 ? '-' : '';
    const magnitude = 10 ** (random() * 34 - 12);
    // Half the doubles have few digits (exact ties and short decimals), half are arbitrary.
    const double =
      random() < 0.5
        ? Number(`${sign}${digits(1 + int(8))}e${int(20) - 10}`)
        : Number(sign + String(magnitude * random()));
    const ms = Math.floor(random() * (253402300799999 + 62135596800000)) - 62135596800000;
    const nanos = BigInt(int(24 * 3600)) * 1_000_000_000n + BigInt(int(1_000_000_000));
    const durationSign = random() < 0.3 ? '-' : '';
    rows.push({
      c_float: String(Math.fround(double)),
      c_double: String(double),
      c_decimal: `${sign}${digits(1 + int(30))}E${int(60) - 40}`,
      c_timestamp: String(ms),
      c_date: String(2 ** 31 + int(2 * 3_000_000) - 3_000_000),
      c_time: nanos.toString(),
      c_varint: `${sign}${digits(1 + int(45))}`,
      c_duration: `${durationSign}${int(30)}mo${int(40)}d${int(100_000)}s${int(1000)}ms${int(1000)}us${int(1000)}ns`,
      c_inet: `'${Array.from({ length: 8 }, () => (random() < 0.4 ? '0' : int(0x10000).toString(16))).join(':')}'`,
      c_float_list: `[${String(Math.fround(double * 7))}, ${String(Math.fround(-double / 3))}]`,
      c_text: `'${randomText().replace(/'/g, "''")}'`,
      c_set: `{${Array.from({ length: 1 + int(5) }, () => `'${randomText().replace(/'/g, "''")}'`).join(', ')}}`,
      c_double_set: `{${Array.from({ length: 1 + int(6) }, () => String(Number(`${digits(1 + int(4))}e${int(12) - 6}`) * (random() < 0.3 ? -1 : 1))).join(', ')}}`,
      c_inet_map: `{${Array.from({ length: 1 + int(4) }, (_, k) => `'${int(256)}.${int(256)}.${int(256)}.${int(256)}': ${k}`).join(', ')}}`,
    });
  }
  return rows;
}

export const ROWS: Row[] = [...EDGE_ROWS, ...randomRows(200)];

export function insertStatements(): string[] {
  return ROWS.map((row, ck) => {
    const columns = Object.keys(row);
    return `INSERT INTO ${KS}.t (pk, ck, ${columns.join(', ')}) VALUES (0, ${ck}, ${columns.map((c) => row[c]).join(', ')})`;
  });
}

export const COUNTER_UPDATES = [
  `UPDATE ${KS}.counters SET c = c + 9223372036854775807 WHERE pk = 0 AND ck = 0`,
  `UPDATE ${KS}.counters SET c = c + -9223372036854775808 WHERE pk = 0 AND ck = 1`,
  `UPDATE ${KS}.counters SET c = c + 0 WHERE pk = 0 AND ck = 2`,
];

export interface Cell {
  row: number;
  column: string;
  value: string;
}

/**
 * Runs `query` through cqlsh with EXPAND ON and returns its cells. An empty cqlshrc and no TZ keep
 * cqlsh at its defaults (UTC, precision 5) whatever this machine's configuration.
 */
export function cqlshCells(query: string, host = '127.0.0.1'): Cell[] {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-cqlshrc-'));
  const rc = join(dir, 'cqlshrc');
  writeFileSync(rc, '');
  const env = { ...process.env };
  delete env.TZ;
  try {
    const out = spawnSync(cqlshCommand(), [host, '9042', '--no-color', '--cqlshrc', rc, '-e', `EXPAND ON; ${query}`], {
      encoding: 'utf8',
      env,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    if (out.error)
      throw new Error(
        `cannot run ${cqlshCommand()} (set RINGSIDE_CQLSH, or run scripts/ensure-deps.sh --cqlsh): ${out.error.message}`,
      );
    if (out.status !== 0) throw new Error(`cqlsh exited ${out.status}: ${out.stderr}`);
    return parseExpanded(out.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Expanded output: `@ Row N`, a `---+---` rule, then ` <name padded> | <value>` lines until a blank line. */
export function parseExpanded(stdout: string): Cell[] {
  const cells: Cell[] = [];
  let row = -1;
  let inRow = false;
  for (const line of stdout.split('\n')) {
    const header = /^@ Row (\d+)$/.exec(line);
    if (header) {
      row = Number(header[1]) - 1;
      inRow = true;
    } else if (inRow && line === '') {
      inRow = false;
    } else if (inRow && !/^-+\+-+$/.test(line)) {
      const body = line.slice(1);
      const bar = body.indexOf(' | ');
      cells.push({ row, column: body.slice(0, bar).trimEnd(), value: body.slice(bar + 3) });
    }
  }
  return cells;
}
