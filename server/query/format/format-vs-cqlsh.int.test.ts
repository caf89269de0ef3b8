/**
 * The workbench's formatter against real cqlsh, cell by cell: every CQL type, edge values and
 * seeded random values, read through the workbench's own driver client (maps and sets as Map/Set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, driverFor } from '../../cluster/registry';
import { testCaller } from '@/testing/test-caller';
import {
  COLUMNS,
  COUNTER_UPDATES,
  cqlshCells,
  insertStatements,
  KS,
  ROWS,
  SCHEMA,
  type Cell,
} from '@/testing/cqlsh-fixture';
import { formatCqlValue } from './format-cql';

const caller = await testCaller();

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
    result.columns.map((column) => ({
      row: index,
      column: column.name,
      value: formatCqlValue(row[column.name], column.type),
    })),
  );
}

describe('formatCqlValue prints what cqlsh prints', () => {
  it(`for ${COLUMNS.length - 1} columns of every type over ${ROWS.length} rows of edge and random values`, async () => {
    const query = `SELECT ${COLUMNS.join(', ')} FROM ${KS}.t WHERE pk = 0`;
    const theirs = cqlshCells(query);
    expect(theirs.length).toBe(COLUMNS.length * ROWS.length);
    expect(await ourCells(query)).toEqual(theirs);
  });

  it('and the workbench grid shows those same cells (the run procedure, its page head and rest)', async () => {
    const statement = `SELECT ${COLUMNS.join(', ')} FROM ${KS}.t WHERE pk = 0`;
    const outcome = await caller.query.run({
      clusterId: 'demo',
      keyspace: null,
      statement,
      pageSize: 5000,
      runId: 'cqlsh-grid',
      recordHistory: false,
    });
    if (!outcome.ok || outcome.kind !== 'rows') throw new Error(JSON.stringify(outcome).slice(0, 500));
    const rest = outcome.restToken ? await caller.query.pageRest({ restToken: outcome.restToken }) : { rows: [] };
    const rows = [...outcome.rows, ...rest.rows];
    // The grid prints a CQL null as `null`, as cqlsh does.
    const grid = rows.flatMap((row, index) =>
      row.map((cell, i) => ({ row: index, column: outcome.columns[i]?.name, value: cell ?? 'null' })),
    );
    expect(grid).toEqual(cqlshCells(statement));
  });

  it('for counters at the limits of a bigint', async () => {
    const query = `SELECT ck, c FROM ${KS}.counters WHERE pk = 0`;
    const theirs = cqlshCells(query);
    expect(theirs.map((c) => c.value)).toContain('-9223372036854775808');
    expect(await ourCells(query)).toEqual(theirs);
  });
});
