/**
 * The workbench's formatter against real cqlsh, cell by cell: every CQL type, edge values and
 * seeded random values, read through the workbench's own driver client (maps and sets as Map/Set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, driverFor } from '../cluster/registry';
import { TEST_CONFIG } from '../testing';
import { COLUMNS, COUNTER_UPDATES, cqlshCells, insertStatements, KS, ROWS, SCHEMA, type Cell } from './cqlsh-fixture';
import { formatCqlValue } from './format-cql';

process.env.RINGSIDE_CONFIG = TEST_CONFIG;

beforeAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  for (const statement of SCHEMA) await client.execute(statement);
  for (const statement of insertStatements()) await client.execute(statement);
  for (const statement of COUNTER_UPDATES) await client.execute(statement);
});

afterAll(async () => {
  const client = await driverFor('demo');
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await closeAll();
});

async function ourCells(query: string): Promise<Cell[]> {
  const client = await driverFor('demo', 'workbench');
  // Unprepared, like cqlsh: the result metadata then comes with the rows.
  const result = await client.execute(query, [], { prepare: false, fetchSize: 10_000 });
  return result.rows.flatMap((row, index) =>
    result.columns.map((column) => ({ row: index, column: column.name, value: formatCqlValue(row[column.name], column.type) })),
  );
}

describe('formatCqlValue prints what cqlsh prints', () => {
  it(`for ${COLUMNS.length - 1} columns of every type over ${ROWS.length} rows of edge and random values`, async () => {
    const query = `SELECT ${COLUMNS.join(', ')} FROM ${KS}.t WHERE pk = 0`;
    const theirs = cqlshCells(query);
    expect(theirs.length).toBe(COLUMNS.length * ROWS.length);
    expect(await ourCells(query)).toEqual(theirs);
  });

  it('for counters at the limits of a bigint', async () => {
    const query = `SELECT ck, c FROM ${KS}.counters WHERE pk = 0`;
    const theirs = cqlshCells(query);
    expect(theirs.map((c) => c.value)).toContain('-9223372036854775808');
    expect(await ourCells(query)).toEqual(theirs);
  });
});
