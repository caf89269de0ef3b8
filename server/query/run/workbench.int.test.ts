/**
 * The workbench against the real cluster: paging through a result with the driver's paging state,
 * prepared statements with typed values (a list bound to IN ?), tracing, cancel, timeouts, errors with
 * their position, confirmation of destructive statements, history, a 100 MB result, and the export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClusterOrThrow } from '@/localcluster/harness';
import { closeAll, driverFor } from '../../cluster/registry';
import { testCaller } from '@/testing/test-caller';
import { exportRows } from '../export/export-rows';

const caller = await testCaller();
const KS = 'ringside_it_workbench';
let runs = 0;

type RunInput = Parameters<typeof caller.query.run>[0];
const run = (input: Partial<RunInput> & { statement: string }) =>
  caller.query.run({ clusterId: 'demo', keyspace: KS, runId: `it-${++runs}`, ...input });

beforeAll(async () => {
  const client = await driverFor('demo');
  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
  );
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${KS}.items (bucket int, seq int, label text, PRIMARY KEY (bucket, seq))`,
  );
  await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.big (k int PRIMARY KEY, payload blob)`);
  const inserts = [];
  for (let seq = 0; seq < 250; seq++)
    inserts.push({
      query: `INSERT INTO ${KS}.items (bucket, seq, label) VALUES (?, ?, ?)`,
      params: [seq % 5, seq, `item ${seq}`],
    });
  for (let i = 0; i < inserts.length; i += 50)
    await client.batch(inserts.slice(i, i + 50), { prepare: true, logged: false });
  // 60 rows of 1.75 MB: a 105 MB result.
  const payload = Buffer.alloc(1_750_000, 0xab);
  for (let k = 0; k < 60; k++)
    await client.execute(`INSERT INTO ${KS}.big (k, payload) VALUES (?, ?)`, [k, payload], { prepare: true });
}, 120_000);
afterAll(closeAll);

describe('running statements', () => {
  it('pages through a result with the paging state: every row once, in pages of the chosen size', async () => {
    const seen: string[] = [];
    let pagingState: string | null = null;
    let pages = 0;
    do {
      const outcome = await run({ statement: 'SELECT bucket, seq, label FROM items', pageSize: 40, pagingState });
      if (!outcome.ok || outcome.kind !== 'rows') throw new Error(JSON.stringify(outcome));
      expect(outcome.rows.length).toBeLessThanOrEqual(40);
      expect(outcome.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['bucket:int', 'seq:int', 'label:text']);
      seen.push(...outcome.rows.map((r) => r.join('|')));
      pagingState = outcome.pagingState;
      pages++;
    } while (pagingState);
    expect(pages).toBeGreaterThanOrEqual(7);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
  });

  it('sends a long page as its head, and the rest once on request', async () => {
    const outcome = await run({ statement: 'SELECT bucket, seq, label FROM items', pageSize: 1000 });
    if (!outcome.ok || outcome.kind !== 'rows' || !outcome.restToken)
      throw new Error(JSON.stringify(outcome).slice(0, 300));
    expect(outcome.rows).toHaveLength(100);
    expect(outcome.rowCount).toBe(250);
    const rest = await caller.query.pageRest({ restToken: outcome.restToken });
    expect(rest.rows).toHaveLength(150);
    expect(rest.json).toHaveLength(150);
    expect(new Set([...outcome.rows, ...rest.rows].map((r) => r.join('|'))).size).toBe(250);
    await expect(caller.query.pageRest({ restToken: outcome.restToken })).rejects.toThrow(
      /no longer held by the console/,
    );
  });

  it('binds typed values to a prepared statement, a list to IN ?', async () => {
    const outcome = await run({
      statement: 'SELECT seq, label FROM items WHERE bucket = ? AND seq IN ?',
      values: [2, [2, 7, 12, 13]],
    });
    if (!outcome.ok || outcome.kind !== 'rows') throw new Error(JSON.stringify(outcome));
    expect(outcome.rows).toEqual([
      ['2', 'item 2'],
      ['7', 'item 7'],
      ['12', 'item 12'],
    ]);
    expect(outcome.json[0]).toBe('{"seq": 2, "label": "item 2"}');
    const wrong = await run({ statement: 'SELECT seq FROM items WHERE bucket = ?', values: ['not a number'] });
    expect(wrong).toMatchObject({
      ok: false,
      error: { kind: 'bind', message: expect.stringContaining('value 1 (bucket)') },
    });
  });

  it('keeps every map entry and set element Cassandra sent, -0 beside 0, and binds a map value', async () => {
    await run({
      statement: 'CREATE TABLE IF NOT EXISTS signed_zero (k int PRIMARY KEY, m map<double, int>, s set<float>)',
    });
    const insert = await run({
      statement: 'INSERT INTO signed_zero (k, m, s) VALUES (?, ?, ?)',
      values: [
        1,
        [
          [-0, 1],
          [0, 2],
        ],
        ['-0', 0, 1.5],
      ],
    });
    expect(insert).toMatchObject({ ok: true, kind: 'done' });
    const outcome = await run({ statement: 'SELECT m, s FROM signed_zero WHERE k = 1' });
    // As cqlsh 6.2.2 printed this row on this cluster (Cassandra kept one of the set's two zeros).
    expect(outcome).toMatchObject({ ok: true, kind: 'rows', rows: [['{-0: 1, 0: 2}', '{-0, 1.5}']] });
  });

  it('traces on demand: the timeline has the coordinator and replicas with their events', async () => {
    const outcome = await run({ statement: 'SELECT * FROM items WHERE bucket = 1', consistency: 'ALL', tracing: true });
    if (!outcome.ok || outcome.kind !== 'rows' || !outcome.traceId) throw new Error(JSON.stringify(outcome));
    const trace = await caller.query.trace({ clusterId: 'demo', traceId: outcome.traceId });
    const [coordinator] = trace.nodes;
    expect(coordinator).toBeDefined();
    expect(coordinator?.node).toBe(trace.coordinator);
    // RF 3 in total and CL ALL: every replica of the partition took part.
    expect(trace.nodes.length).toBeGreaterThanOrEqual(2);
    expect(trace.nodes.flatMap((n) => n.events).length).toBeGreaterThan(3);
    const coordinatorEvents = coordinator!.events;
    expect(coordinatorEvents.map((e) => e.activity).join('\n')).toMatch(/Parsing|Executing|read/i);
    // Events in the order they happened: the coordinator parses the statement before it hears from replicas.
    for (const [i, event] of coordinatorEvents.entries()) {
      const previous = coordinatorEvents[i - 1];
      if (previous) expect(event.atUs).toBeGreaterThanOrEqual(previous.atUs);
    }
    const parsing = coordinatorEvents.findIndex((e) => /^Parsing/.test(e.activity));
    const replies = coordinatorEvents.findIndex((e) => /READ_RSP message received/.test(e.activity));
    expect(parsing).toBeGreaterThanOrEqual(0);
    if (replies >= 0) expect(parsing).toBeLessThan(replies);
  });

  it('points at the position of a syntax error', async () => {
    const outcome = await run({ statement: 'SELECT * FORM items' });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'syntax', position: { line: 1 } } });
    if (outcome.ok) return;
    expect(outcome.error.message).toMatch(/line 1:\d+/);
    expect('SELECT * FORM items'.slice(outcome.error.position!.offset)).toMatch(/^FORM/);
  });

  it('names an unknown keyspace and lists the ones there are', async () => {
    await expect(run({ statement: 'SELECT * FROM t', keyspace: 'no_such_keyspace' })).rejects.toThrow(
      /no keyspace "no_such_keyspace" \(it has: .*ringside_it_workbench/,
    );
    const outcome = await run({ statement: 'SELECT * FROM no_such_keyspace.t', keyspace: null });
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/no_such_keyspace/) },
    });
  });

  it('asks before DROP, TRUNCATE and ALTER, and runs them once confirmed', async () => {
    await run({ statement: 'CREATE TABLE IF NOT EXISTS doomed (k int PRIMARY KEY)' });
    const unconfirmed = await run({ statement: 'DROP TABLE doomed' });
    expect(unconfirmed).toMatchObject({ ok: false, error: { kind: 'needs-confirmation' } });
    await expect((await driverFor('demo')).metadata.getTable(KS, 'doomed')).resolves.not.toBeNull();
    expect(await run({ statement: 'DROP TABLE doomed', confirmed: true })).toMatchObject({ ok: true, kind: 'done' });
  });

  it('USE changes the keyspace of the session it returns, not the shared client', async () => {
    expect(await run({ statement: `USE ${KS}`, keyspace: null })).toMatchObject({
      ok: true,
      kind: 'use',
      keyspace: KS,
    });
    const unqualified = await run({ statement: 'SELECT * FROM items LIMIT 1', keyspace: null });
    expect(unqualified).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('keeps history, newest first, and saved queries by name', async () => {
    const marker = `SELECT seq FROM items WHERE bucket = 3 LIMIT ${1000 + runs}`;
    await run({ statement: marker });
    const history = await caller.query.history({ clusterId: 'demo', search: 'bucket = 3', limit: 5 });
    expect(history[0]).toMatchObject({ statement: marker, outcome: 'ok', keyspace: KS, rows: expect.any(Number) });
    await caller.query.save({ clusterId: 'demo', name: 'it bucket 3', keyspace: KS, statement: marker });
    await caller.query.save({ clusterId: 'demo', name: 'it bucket 3', keyspace: KS, statement: `${marker} -- v2` });
    const saved = (await caller.query.saved({ clusterId: 'demo' })).filter((q) => q.name === 'it bucket 3');
    expect(saved).toHaveLength(1);
    const [only] = saved;
    expect(only?.statement).toMatch(/-- v2$/);
    await caller.query.deleteSaved({ clusterId: 'demo', id: only!.id });
  });
});

describe('bad input and big results', () => {
  it('a query that outlives its timeout fails with a timeout error, and cancel frees the user at once', async () => {
    // A paused replica never answers: a CL ALL read waits on it until the request timeout.
    runClusterOrThrow(['pause', '3']);
    try {
      const timedOut = await run({
        statement: 'SELECT * FROM items WHERE bucket = 4',
        consistency: 'ALL',
        timeoutMs: 1500,
      });
      expect(timedOut).toMatchObject({
        ok: false,
        error: { kind: expect.stringMatching(/client-timeout|server-timeout/) },
      });
      const runId = 'it-cancel';
      const started = Date.now();
      const pending = caller.query.run({
        clusterId: 'demo',
        keyspace: KS,
        runId,
        statement: 'SELECT * FROM items WHERE bucket = 3',
        consistency: 'ALL',
        timeoutMs: 30_000,
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(await caller.query.cancel({ runId })).toEqual({ cancelled: true });
      expect(await pending).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      runClusterOrThrow(['resume', '3']);
    }
  }, 60_000);

  it('a 105 MB result arrives as a bounded page, and the console stays fast meanwhile', async () => {
    const query = run({ statement: 'SELECT k, payload FROM big', pageSize: 30, timeoutMs: 60_000 });
    const nodeListTimes: number[] = [];
    const started = Date.now();
    let settled = false;
    void query.finally(() => (settled = true));
    while (!settled && Date.now() - started < 60_000) {
      const t0 = performance.now();
      await caller.cluster.nodes({ clusterId: 'demo' });
      nodeListTimes.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    const outcome = await query;
    if (!outcome.ok || outcome.kind !== 'rows') throw new Error(JSON.stringify(outcome).slice(0, 500));
    expect(outcome.rows.length).toBeGreaterThan(0);
    expect(outcome.rows.length).toBeLessThanOrEqual(30);
    expect(outcome.truncatedCells).toBe(outcome.rows.length);
    expect(JSON.stringify(outcome).length).toBeLessThan(10_000_000);
    expect(outcome.pagingState).not.toBeNull();
    expect(Math.max(...nodeListTimes)).toBeLessThan(2000);
  }, 120_000);
});

describe('export', () => {
  it('streams every page as CSV, one line per row plus the header', async () => {
    const progress = { rows: 0, bytes: 0 };
    let text = '';
    let chunks = 0;
    for await (const chunk of exportRows(
      {
        clusterId: 'demo',
        keyspace: KS,
        statement: 'SELECT bucket, seq, label FROM items',
        values: null,
        consistency: 'LOCAL_ONE',
        dialect: 'rfc4180',
        header: true,
        delimiter: ',',
        nullMarker: '',
        timeZone: 'UTC',
        fetchSize: 100,
        timeoutMs: 10_000,
      },
      progress,
    )) {
      text += chunk;
      chunks++;
    }
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('bucket,seq,label');
    expect(lines).toHaveLength(251);
    expect(progress.rows).toBe(250);
    expect(chunks).toBeGreaterThanOrEqual(3);
    expect(lines).toContain('2,7,item 7');
  });

  it('writes JSON an array of row objects, and refuses anything but a SELECT', async () => {
    const progress = { rows: 0, bytes: 0 };
    let text = '';
    for await (const chunk of exportRows(
      {
        clusterId: 'demo',
        keyspace: KS,
        statement: 'SELECT seq, label FROM items WHERE bucket = 0',
        values: null,
        consistency: 'ONE',
        dialect: 'json',
        header: true,
        delimiter: ',',
        nullMarker: '',
        timeZone: 'UTC',
        fetchSize: 100,
        timeoutMs: 10_000,
      },
      progress,
    ))
      text += chunk;
    const rows = JSON.parse(text) as { seq: number; label: string }[];
    expect(rows).toHaveLength(50);
    expect(rows[0]).toEqual({ seq: 0, label: 'item 0' });
    const refused = exportRows(
      {
        clusterId: 'demo',
        keyspace: KS,
        statement: 'DELETE FROM items WHERE bucket = 0',
        values: null,
        consistency: 'ONE',
        dialect: 'rfc4180',
        header: true,
        delimiter: ',',
        nullMarker: '',
        timeZone: 'UTC',
        fetchSize: 100,
        timeoutMs: 10_000,
      },
      progress,
    );
    await expect(refused.next()).rejects.toThrow(/only a SELECT can be exported/);
  });
});
