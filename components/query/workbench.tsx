'use client';
/**
 * The query workbench: edit CQL, run the statement under the cursor or the whole script, page
 * through results, trace, export, and come back to what ran before. Statements of a script run one
 * after another and stop at the first failure; DROP, TRUNCATE and ALTER wait for a confirmation.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useTRPC } from '@/components/trpc/react';
import type { JsonValue } from '@/lib/cql/json-value';
import { firstKeyword, splitStatements } from '@/lib/cql/split-statements';
import { CqlEditor } from './cql-editor';
import { HistoryPanel } from './history-panel';
import { ConfirmDialog } from './confirm-dialog';
import { StatementResultView, type RunOutcome, type StatementResult } from './statement-result';
import { DEFAULT_RUN_OPTIONS, RunOptionsBar, type RunOptions } from './run-options';

type Statement = { text: string; offset: number };

const FIRST_SCRIPT = 'SELECT cluster_name, release_version, data_center FROM system.local;\n';

function parseValues(text: string): JsonValue[] | null {
  if (!text.trim()) return null;
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('bound values must be a JSON array, one value per ? marker');
  return parsed as JsonValue[];
}

function failure(message: string): RunOutcome {
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

export function Workbench() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { clusterId } = useLiveCluster();
  const [script, setScript] = useState(FIRST_SCRIPT);
  const [keyspace, setKeyspace] = useState<string | null>(null);
  const [options, setOptions] = useState<RunOptions>(DEFAULT_RUN_OPTIONS);
  const [results, setResults] = useState<StatementResult[]>([]);
  const [shown, setShown] = useState(0);
  const [running, setRunning] = useState<{ runId: string; index: number; total: number } | null>(null);
  const [confirming, setConfirming] = useState<{ statement: string; answer(yes: boolean): void } | null>(null);
  const [errorAt, setErrorAt] = useState<{ offset: number } | null>(null);
  const outline = useQuery(trpc.schema.outline.queryOptions({ clusterId }, { staleTime: 30_000 }));
  const run = useMutation(trpc.query.run.mutationOptions());
  const cancel = useMutation(trpc.query.cancel.mutationOptions());
  const pageRest = useMutation(trpc.query.pageRest.mutationOptions());

  /** A long page arrives as its head; the rest follows at once, here. If it cannot, the head stays with a notice. */
  async function completePage(outcome: RunOutcome): Promise<{ outcome: RunOutcome; notice: string | null }> {
    if (!outcome.ok || outcome.kind !== 'rows' || !outcome.restToken) return { outcome, notice: null };
    try {
      const rest = await pageRest.mutateAsync({ restToken: outcome.restToken });
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
      const reason = error instanceof Error ? error.message : String(error);
      return {
        outcome: { ...outcome, restToken: null },
        notice: `Only the first ${outcome.rows.length} rows of this page could be shown: ${reason}`,
      };
    }
  }

  async function execute({
    statement,
    keyspace: ks,
    values,
    confirmed,
    pagingState,
    index = 0,
    total = 1,
  }: Execution): Promise<RunOutcome> {
    const runId = crypto.randomUUID();
    setRunning({ runId, index, total });
    const { valuesText: _typed, ...runOptions } = options;
    try {
      return await run.mutateAsync({
        ...runOptions,
        clusterId,
        keyspace: ks,
        statement,
        values,
        pagingState: pagingState ?? null,
        confirmed,
        runId,
        recordHistory: pagingState === undefined,
      });
    } catch (error) {
      return failure(error instanceof Error ? error.message : String(error));
    }
  }

  async function runStatements(statements: Statement[]) {
    if (running || statements.length === 0) return;
    setErrorAt(null);
    let values: JsonValue[] | null;
    try {
      values = parseValues(options.valuesText);
      if (values && statements.length > 1)
        throw new Error('bound values belong to one statement: run the statement under the cursor (Ctrl-Enter)');
    } catch (error) {
      setResults([
        {
          statement: statements[0].text,
          keyspace,
          values: null,
          outcome: failure(error instanceof Error ? error.message : String(error)),
          pagingStates: [null],
        },
      ]);
      return;
    }
    const done: StatementResult[] = [];
    let ks = keyspace;
    for (const [index, statement] of statements.entries()) {
      const execution = { statement: statement.text, keyspace: ks, values, index, total: statements.length };
      let outcome = await execute({ ...execution, confirmed: false });
      if (!outcome.ok && outcome.error.kind === 'needs-confirmation') {
        const yes = await new Promise<boolean>((answer) => setConfirming({ statement: statement.text, answer }));
        setConfirming(null);
        outcome = yes
          ? await execute({ ...execution, confirmed: true })
          : failure('not run: the statement was not confirmed');
      }
      done.push({ statement: statement.text, keyspace: ks, values, outcome, pagingStates: [null] });
      setResults([...done]);
      setShown(done.length - 1);
      if (outcome.ok && outcome.kind === 'rows' && outcome.restToken) {
        done[done.length - 1] = { ...done[done.length - 1], ...(await completePage(outcome)) };
        setResults([...done]);
      }
      if (outcome.ok && outcome.kind === 'use') {
        ks = outcome.keyspace;
        setKeyspace(ks);
      }
      if (outcome.ok && outcome.kind === 'done' && ['CREATE', 'ALTER', 'DROP'].includes(firstKeyword(statement.text))) {
        void queryClient.invalidateQueries({ queryKey: trpc.schema.outline.queryKey() });
      }
      if (!outcome.ok) {
        if (outcome.error.position) setErrorAt({ offset: statement.offset + outcome.error.position.offset });
        break;
      }
    }
    setRunning(null);
    void queryClient.invalidateQueries({ queryKey: trpc.query.history.queryKey() });
  }

  /** Moves a result one page forward or back; `pagingStates[i]` fetched page i + 1. */
  async function turnPage(index: number, direction: 1 | -1) {
    const result = results[index];
    if (!result.outcome.ok || result.outcome.kind !== 'rows') return;
    const states =
      direction === 1 ? [...result.pagingStates, result.outcome.pagingState] : result.pagingStates.slice(0, -1);
    const outcome = await execute({
      statement: result.statement,
      keyspace: result.keyspace,
      values: result.values,
      confirmed: true,
      pagingState: states.at(-1) ?? null,
    });
    const update = (change: Partial<StatementResult>) =>
      setResults((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
    if (!outcome.ok) {
      // The page shown stays, and so does the way back: the failure is reported beside it.
      update({ notice: `Could not turn the page: ${outcome.error.message}` });
    } else {
      update({ outcome, pagingStates: states, notice: null });
      if (outcome.kind === 'rows' && outcome.restToken) update(await completePage(outcome));
    }
    setRunning(null);
  }

  const current = results[shown];
  return (
    <div className="workbench" data-testid="workbench">
      <div className="workbench-main">
        <RunOptionsBar
          options={options}
          onChange={setOptions}
          keyspaces={outline.data?.keyspaces.map((k) => k.name) ?? []}
          keyspace={keyspace}
          onKeyspace={setKeyspace}
        />
        <CqlEditor
          value={script}
          onChange={setScript}
          onRunStatement={(statement) => void runStatements([statement])}
          onRunAll={(text) => void runStatements(splitStatements(text))}
          schema={outline.data ?? { keyspaces: [] }}
          keyspace={keyspace}
          errorAt={errorAt}
        />
        <div className="workbench-actions">
          <button
            type="button"
            onClick={() => void runStatements(splitStatements(script))}
            disabled={!!running}
            data-testid="run-all"
          >
            Run all <span className="muted">Shift-Ctrl-Enter</span>
          </button>
          {running ? (
            <>
              <span data-testid="running">
                running statement {running.index + 1} of {running.total}…
              </span>
              <button type="button" onClick={() => cancel.mutate({ runId: running.runId })} data-testid="cancel">
                Cancel
              </button>
            </>
          ) : (
            <span className="muted">Ctrl-Enter runs the statement under the cursor</span>
          )}
        </div>
        {results.length > 1 ? (
          <div className="result-tabs" role="tablist">
            {results.map((r, i) => (
              <button
                key={i}
                type="button"
                role="tab"
                aria-selected={i === shown}
                className={r.outcome.ok ? '' : 'problem'}
                onClick={() => setShown(i)}
                data-testid={`result-tab-${i}`}
              >
                {i + 1}. {r.statement.slice(0, 30)}
              </button>
            ))}
          </div>
        ) : null}
        {current ? (
          <StatementResultView
            clusterId={clusterId}
            result={current}
            consistency={options.consistency}
            busy={!!running}
            onPage={(direction) => void turnPage(shown, direction)}
          />
        ) : null}
      </div>
      <HistoryPanel
        clusterId={clusterId}
        current={{ statement: script, keyspace }}
        onLoad={(q) => {
          setScript(q.statement.endsWith(';') ? `${q.statement}\n` : `${q.statement};\n`);
          if (q.keyspace) setKeyspace(q.keyspace);
        }}
      />
      {confirming ? <ConfirmDialog statement={confirming.statement} onAnswer={confirming.answer} /> : null}
    </div>
  );
}
