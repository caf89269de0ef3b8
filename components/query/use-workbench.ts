/**
 * The workbench's run logic: a pure reducer over what is on screen (script, options, results, the
 * run under way, the question asked) and a hook that drives it with the run calls. Statements of a
 * script run one after another and stop at the first failure; DROP, TRUNCATE and ALTER wait for a
 * confirmation; a long page arrives as its head and its rest is fetched at once.
 */
import { useReducer, useRef } from 'react';
import type { JsonValue } from '@/lib/cql/json-value';
import { firstKeyword, splitStatements } from '@/lib/cql/split-statements';
import { errorMessage } from '@/lib/error-message';
import { DEFAULT_RUN_OPTIONS, type RunOptions } from './run-options';
import type { StatementResult } from './statement-result';
import { useStatementRunner, type RunOutcome } from './use-query-data';

export type Statement = { text: string; offset: number };

export const FIRST_SCRIPT = 'SELECT cluster_name, release_version, data_center FROM system.local;\n';

export interface WorkbenchState {
  script: string;
  keyspace: string | null;
  options: RunOptions;
  /** The last run's results, one per statement that ran. */
  results: StatementResult[];
  shown: number;
  running: { runId: string; index: number; total: number } | null;
  /** A statement waiting for the operator's yes or no. */
  confirming: { statement: string } | null;
  /** Where in the script the failed statement's error points. */
  errorAt: { offset: number } | null;
}

export type WorkbenchAction =
  | { type: 'edit'; script: string }
  | { type: 'keyspace'; keyspace: string | null }
  | { type: 'options'; options: RunOptions }
  | { type: 'show'; index: number }
  | { type: 'load'; statement: string; keyspace: string | null }
  | { type: 'run-started' }
  | { type: 'executing'; runId: string; index: number; total: number }
  | { type: 'confirm'; statement: string }
  | { type: 'answered' }
  /** The result of statement `position` of the run; the first one replaces the previous run's results. */
  | { type: 'result'; position: number; result: StatementResult }
  | { type: 'result-changed'; index: number; change: Partial<StatementResult> }
  | { type: 'error-at'; offset: number }
  | { type: 'run-finished' };

export function initialWorkbenchState(): WorkbenchState {
  return {
    script: FIRST_SCRIPT,
    keyspace: null,
    options: DEFAULT_RUN_OPTIONS,
    results: [],
    shown: 0,
    running: null,
    confirming: null,
    errorAt: null,
  };
}

export function workbenchReducer(state: WorkbenchState, action: WorkbenchAction): WorkbenchState {
  switch (action.type) {
    case 'edit':
      return { ...state, script: action.script };
    case 'keyspace':
      return { ...state, keyspace: action.keyspace };
    case 'options':
      return { ...state, options: action.options };
    case 'show':
      return action.index >= 0 && action.index < state.results.length ? { ...state, shown: action.index } : state;
    case 'load':
      return {
        ...state,
        script: action.statement.endsWith(';') ? `${action.statement}\n` : `${action.statement};\n`,
        keyspace: action.keyspace ?? state.keyspace,
      };
    case 'run-started':
      return { ...state, errorAt: null };
    case 'executing':
      return { ...state, running: { runId: action.runId, index: action.index, total: action.total } };
    case 'confirm':
      return { ...state, confirming: { statement: action.statement } };
    case 'answered':
      return { ...state, confirming: null };
    case 'result':
      return {
        ...state,
        results: [...(action.position === 0 ? [] : state.results.slice(0, action.position)), action.result],
        shown: action.position,
      };
    case 'result-changed':
      return {
        ...state,
        results: state.results.map((r, i) => (i === action.index ? { ...r, ...action.change } : r)),
      };
    case 'error-at':
      return { ...state, errorAt: { offset: action.offset } };
    case 'run-finished':
      return { ...state, running: null };
  }
}

export function parseValues(text: string): JsonValue[] | null {
  if (!text.trim()) return null;
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('bound values must be a JSON array, one value per ? marker');
  return parsed as JsonValue[];
}

export function failure(message: string): RunOutcome {
  return { ok: false, tookMs: 0, error: { kind: 'server', message, code: null, position: null, hint: null } };
}

interface Execution {
  statement: string;
  keyspace: string | null;
  values: JsonValue[] | null;
  confirmed: boolean;
  /** Set when turning the page of a result that already ran. */
  pagingState?: string | null;
  index?: number;
  total?: number;
}

export function useWorkbench(clusterId: string) {
  const runner = useStatementRunner();
  const [state, dispatch] = useReducer(workbenchReducer, undefined, initialWorkbenchState);
  // The pending question's answer, and whether a run is under way: both outlive a render.
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const busy = useRef(false);

  /** If the rest of a page cannot follow, the head stays, with a notice saying why. */
  async function completePage(outcome: RunOutcome): Promise<{ outcome: RunOutcome; notice: string | null }> {
    if (!outcome.ok || outcome.kind !== 'rows' || !outcome.restToken) return { outcome, notice: null };
    try {
      const rest = await runner.rest(outcome.restToken);
      return {
        outcome: {
          ...outcome,
          rows: [...outcome.rows, ...rest.rows],
          json: [...outcome.json, ...rest.json],
          restToken: null,
        },
        notice: null,
      };
    } catch (error) {
      return {
        outcome: { ...outcome, restToken: null },
        notice: `Only the first ${outcome.rows.length} rows of this page could be shown: ${errorMessage(error)}`,
      };
    }
  }

  async function execute({
    statement,
    keyspace,
    values,
    confirmed,
    pagingState,
    index = 0,
    total = 1,
  }: Execution): Promise<RunOutcome> {
    const runId = crypto.randomUUID();
    dispatch({ type: 'executing', runId, index, total });
    const { valuesText: _typed, ...runOptions } = state.options;
    try {
      return await runner.run({
        ...runOptions,
        clusterId,
        keyspace,
        statement,
        values,
        pagingState: pagingState ?? null,
        confirmed,
        runId,
        recordHistory: pagingState === undefined,
      });
    } catch (error) {
      return failure(errorMessage(error));
    }
  }

  async function runStatements(statements: Statement[]): Promise<void> {
    const [first] = statements;
    if (busy.current || first === undefined) return;
    busy.current = true;
    dispatch({ type: 'run-started' });
    try {
      let values: JsonValue[] | null;
      try {
        values = parseValues(state.options.valuesText);
        if (values && statements.length > 1)
          throw new Error('bound values belong to one statement: run the statement under the cursor (Ctrl-Enter)');
      } catch (error) {
        const result = { statement: first.text, keyspace: state.keyspace, values: null, pagingStates: [null] };
        dispatch({ type: 'result', position: 0, result: { ...result, outcome: failure(errorMessage(error)) } });
        return;
      }
      let keyspace = state.keyspace;
      for (const [index, statement] of statements.entries()) {
        const execution = { statement: statement.text, keyspace, values, index, total: statements.length };
        let outcome = await execute({ ...execution, confirmed: false });
        if (!outcome.ok && outcome.error.kind === 'needs-confirmation') {
          dispatch({ type: 'confirm', statement: statement.text });
          const yes = await new Promise<boolean>((resolve) => (answer.current = resolve));
          answer.current = null;
          dispatch({ type: 'answered' });
          outcome = yes
            ? await execute({ ...execution, confirmed: true })
            : failure('not run: the statement was not confirmed');
        }
        const result = { statement: statement.text, keyspace, values, outcome, pagingStates: [null] };
        dispatch({ type: 'result', position: index, result });
        if (outcome.ok && outcome.kind === 'rows' && outcome.restToken)
          dispatch({ type: 'result-changed', index, change: await completePage(outcome) });
        if (outcome.ok && outcome.kind === 'use') {
          keyspace = outcome.keyspace;
          dispatch({ type: 'keyspace', keyspace });
        }
        if (outcome.ok && outcome.kind === 'done' && ['CREATE', 'ALTER', 'DROP'].includes(firstKeyword(statement.text)))
          runner.schemaChanged();
        if (!outcome.ok) {
          if (outcome.error.position)
            dispatch({ type: 'error-at', offset: statement.offset + outcome.error.position.offset });
          break;
        }
      }
      runner.historyChanged();
    } finally {
      busy.current = false;
      dispatch({ type: 'run-finished' });
    }
  }

  /** Moves a result one page forward or back; `pagingStates[i]` fetched page i + 1. */
  async function turnPage(index: number, direction: 1 | -1): Promise<void> {
    const result = state.results[index];
    if (busy.current || !result || !result.outcome.ok || result.outcome.kind !== 'rows') return;
    busy.current = true;
    try {
      const states =
        direction === 1 ? [...result.pagingStates, result.outcome.pagingState] : result.pagingStates.slice(0, -1);
      const outcome = await execute({
        statement: result.statement,
        keyspace: result.keyspace,
        values: result.values,
        confirmed: true,
        pagingState: states.at(-1) ?? null,
      });
      if (!outcome.ok) {
        // The page shown stays, and so does the way back: the failure is reported beside it.
        dispatch({
          type: 'result-changed',
          index,
          change: { notice: `Could not turn the page: ${outcome.error.message}` },
        });
      } else {
        dispatch({ type: 'result-changed', index, change: { outcome, pagingStates: states, notice: null } });
        if (outcome.kind === 'rows' && outcome.restToken)
          dispatch({ type: 'result-changed', index, change: await completePage(outcome) });
      }
    } finally {
      busy.current = false;
      dispatch({ type: 'run-finished' });
    }
  }

  return {
    state,
    edit: (script: string) => dispatch({ type: 'edit', script }),
    setKeyspace: (keyspace: string | null) => dispatch({ type: 'keyspace', keyspace }),
    setOptions: (options: RunOptions) => dispatch({ type: 'options', options }),
    show: (index: number) => dispatch({ type: 'show', index }),
    load: (query: { statement: string; keyspace: string | null }) => dispatch({ type: 'load', ...query }),
    runStatements,
    runScript: (text: string = state.script) => runStatements(splitStatements(text)),
    turnPage,
    cancel: () => {
      if (state.running) runner.cancel(state.running.runId);
    },
    answer: (yes: boolean) => answer.current?.(yes),
  };
}
