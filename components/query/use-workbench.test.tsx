import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunInput, RunOutcome } from './use-query-data';
import type { StatementResult } from './statement-result';
import {
  FIRST_SCRIPT,
  initialWorkbenchState,
  useWorkbench,
  workbenchReducer,
  type WorkbenchState,
} from './use-workbench';

// The run calls are mocked at the data-hook module: the hook's logic runs for real.
const runner = vi.hoisted(() => ({
  run: vi.fn(),
  rest: vi.fn(),
  cancel: vi.fn(),
  historyChanged: vi.fn(),
  schemaChanged: vi.fn(),
}));
vi.mock('./use-query-data', () => ({ useStatementRunner: () => runner }));

const rows = (values: string[], change: Partial<Extract<RunOutcome, { kind: 'rows' }>> = {}): RunOutcome => ({
  ok: true,
  kind: 'rows',
  columns: [{ name: 'v', type: 'text' }] as Extract<RunOutcome, { kind: 'rows' }>['columns'],
  rows: values.map((v) => [v]),
  json: values.map((v) => JSON.stringify({ v })),
  rowCount: values.length,
  restToken: null,
  truncatedCells: 0,
  unprintableCells: 0,
  pagingState: null,
  pageSizeUsed: 100,
  tookMs: 1,
  traceId: null,
  coordinator: '127.0.0.1',
  warnings: [],
  ...change,
});
const done: RunOutcome = {
  ok: true,
  kind: 'done',
  applied: null,
  tookMs: 1,
  traceId: null,
  coordinator: null,
  warnings: [],
};
const failed = (kind: 'syntax' | 'needs-confirmation', message: string, offset?: number): RunOutcome => ({
  ok: false,
  tookMs: 1,
  error: {
    kind,
    message,
    code: null,
    position: offset === undefined ? null : { line: 1, column: offset + 1, offset },
    hint: null,
  },
});

/** Answers each statement by its text; records what was sent. */
function answering(answers: Record<string, RunOutcome | ((input: RunInput) => RunOutcome)>) {
  runner.run.mockImplementation(async (input: RunInput) => {
    const answer = answers[input.statement];
    if (!answer) throw new Error(`unexpected statement ${input.statement}`);
    return typeof answer === 'function' ? answer(input) : answer;
  });
}

const sent = (): RunInput[] => runner.run.mock.calls.map((call: unknown[]) => call[0] as RunInput);

beforeEach(() => {
  for (const fn of Object.values(runner)) fn.mockReset();
});

describe('workbenchReducer', () => {
  it('the first result of a run replaces the last run, later ones follow it', () => {
    const result = (statement: string): StatementResult => ({
      statement,
      keyspace: null,
      values: null,
      outcome: done,
      pagingStates: [null],
    });
    let state: WorkbenchState = { ...initialWorkbenchState(), results: [result('old 1'), result('old 2')], shown: 1 };
    state = workbenchReducer(state, { type: 'result', position: 0, result: result('new 1') });
    expect(state.results.map((r) => r.statement)).toEqual(['new 1']);
    expect(state.shown).toBe(0);
    state = workbenchReducer(state, { type: 'result', position: 1, result: result('new 2') });
    expect(state.results.map((r) => r.statement)).toEqual(['new 1', 'new 2']);
    expect(state.shown).toBe(1);
    expect(workbenchReducer(state, { type: 'show', index: 5 }).shown).toBe(1);
  });

  it('loading from the history ends the statement with one semicolon and keeps the keyspace when none is given', () => {
    const state = { ...initialWorkbenchState(), keyspace: 'shop' };
    expect(workbenchReducer(state, { type: 'load', statement: 'SELECT 1', keyspace: null })).toMatchObject({
      script: 'SELECT 1;\n',
      keyspace: 'shop',
    });
    expect(workbenchReducer(state, { type: 'load', statement: 'SELECT 1;', keyspace: 'ks' })).toMatchObject({
      script: 'SELECT 1;\n',
      keyspace: 'ks',
    });
  });
});

describe('useWorkbench', () => {
  it('runs a script in order, follows USE, and stops at the first failure with its place in the script', async () => {
    answering({
      'USE shop': { ok: true, kind: 'use', keyspace: 'shop', tookMs: 1 },
      'SELEC 1': failed('syntax', "line 1:0 no viable alternative at input 'SELEC'", 0),
      'SELECT 2': rows(['never']),
    });
    const { result } = renderHook(() => useWorkbench('demo'));
    await act(() => result.current.runScript('USE shop;\nSELEC 1;\nSELECT 2;'));

    expect(sent().map((i) => [i.statement, i.keyspace, i.clusterId])).toEqual([
      ['USE shop', null, 'demo'],
      ['SELEC 1', 'shop', 'demo'],
    ]);
    const { state } = result.current;
    expect(state.keyspace).toBe('shop');
    expect(state.results.map((r) => r.outcome.ok)).toEqual([true, false]);
    expect(state.shown).toBe(1);
    expect(state.errorAt).toEqual({ offset: 'USE shop;\n'.length });
    expect(state.running).toBeNull();
    expect(runner.historyChanged).toHaveBeenCalledTimes(1);
  });

  it('asks before a DROP, and runs it confirmed only on yes', async () => {
    answering({ 'DROP TABLE t': (input) => (input.confirmed ? done : failed('needs-confirmation', 'confirm')) });
    const { result } = renderHook(() => useWorkbench('demo'));

    let run: Promise<void> = Promise.resolve();
    act(() => void (run = result.current.runScript('DROP TABLE t;')));
    await waitFor(() => expect(result.current.state.confirming).toEqual({ statement: 'DROP TABLE t' }));
    await act(async () => {
      result.current.answer(false);
      await run;
    });
    expect(sent().map((i) => i.confirmed)).toEqual([false]);
    expect(result.current.state.confirming).toBeNull();
    const refused = result.current.state.results[0]?.outcome;
    expect(refused?.ok ? null : refused?.error.message).toBe('not run: the statement was not confirmed');

    act(() => void (run = result.current.runScript('DROP TABLE t;')));
    await waitFor(() => expect(result.current.state.confirming).not.toBeNull());
    await act(async () => {
      result.current.answer(true);
      await run;
    });
    expect(sent().map((i) => i.confirmed)).toEqual([false, false, true]);
    expect(result.current.state.results[0]?.outcome).toEqual(done);
    expect(runner.schemaChanged).toHaveBeenCalledTimes(1);
  });

  it('completes a long page with its rest, and keeps the head with a notice when the rest fails', async () => {
    answering({ 'SELECT v FROM t': rows(['a'], { rowCount: 3, restToken: 'rest-1' }) });
    runner.rest.mockResolvedValueOnce({ rows: [['b'], ['c']], json: ['{"v":"b"}', '{"v":"c"}'] });
    const { result } = renderHook(() => useWorkbench('demo'));
    await act(() => result.current.runScript('SELECT v FROM t'));
    expect(runner.rest).toHaveBeenCalledWith('rest-1');
    const complete = result.current.state.results[0]?.outcome;
    expect(complete?.ok && complete.kind === 'rows' ? complete.rows : null).toEqual([['a'], ['b'], ['c']]);

    runner.rest.mockRejectedValueOnce(new Error('the rest expired'));
    await act(() => result.current.runScript('SELECT v FROM t'));
    const [head] = result.current.state.results;
    expect(head?.outcome.ok && head.outcome.kind === 'rows' ? head.outcome.rows : null).toEqual([['a']]);
    expect(head?.notice).toBe('Only the first 1 rows of this page could be shown: the rest expired');
  });

  it('turns pages with the paging state, and a failed turn keeps the page with a notice', async () => {
    answering({
      'SELECT v FROM t': (input) =>
        input.pagingState === null ? rows(['p1'], { pagingState: 'aa' }) : rows(['p2'], { pagingState: null }),
    });
    const { result } = renderHook(() => useWorkbench('demo'));
    await act(() => result.current.runScript('SELECT v FROM t'));
    await act(() => result.current.turnPage(0, 1));
    expect(sent().at(-1)).toMatchObject({ pagingState: 'aa', recordHistory: false, confirmed: true });
    expect(result.current.state.results[0]?.pagingStates).toEqual([null, 'aa']);

    runner.run.mockResolvedValueOnce(failed('syntax', 'timed out'));
    await act(() => result.current.turnPage(0, -1));
    expect(result.current.state.results[0]?.pagingStates).toEqual([null, 'aa']);
    expect(result.current.state.results[0]?.notice).toBe('Could not turn the page: timed out');
  });

  it('refuses bound values for a whole script, without running anything', async () => {
    const { result } = renderHook(() => useWorkbench('demo'));
    act(() => result.current.setOptions({ ...result.current.state.options, valuesText: '[1]' }));
    await act(() => result.current.runScript('SELECT 1; SELECT 2;'));
    expect(runner.run).not.toHaveBeenCalled();
    const outcome = result.current.state.results[0]?.outcome;
    expect(outcome?.ok ? null : outcome?.error.message).toBe(
      'bound values belong to one statement: run the statement under the cursor (Ctrl-Enter)',
    );
    expect(result.current.state.script).toBe(FIRST_SCRIPT);
  });
});
