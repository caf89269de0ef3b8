'use client';
/**
 * The query workbench: edit CQL, run the statement under the cursor or the whole script, page
 * through results, trace, export, and come back to what ran before. Statements of a script run one
 * after another and stop at the first failure; DROP, TRUNCATE and ALTER wait for a confirmation.
 */
import { useClusterRole } from '@/components/auth/use-cluster-role';
import { useLiveCluster } from '@/components/live/live-cluster';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBox } from '@/components/ui/error-box';
import { splitStatements } from '@/lib/cql/split-statements';
import { CqlEditor } from './cql-editor';
import { HistoryPanel } from './history-panel';
import { ImportDialog } from './import-dialog';
import { RunOptionsBar } from './run-options';
import { StatementResultView } from './statement-result';
import { useSchemaOutline } from './use-query-data';
import { useWorkbench } from './use-workbench';

export function Workbench() {
  const { clusterId } = useLiveCluster();
  const outline = useSchemaOutline(clusterId);
  const workbench = useWorkbench(clusterId);
  const role = useClusterRole(clusterId);
  const { script, keyspace, options, results, shown, running, confirming, errorAt } = workbench.state;

  const current = results[shown];
  return (
    <div className="workbench" data-testid="workbench">
      <div className="workbench-main">
        {role === 'viewer' ? (
          <p className="muted" role="status" data-testid="read-only-notice">
            Read only: as a viewer of this cluster you can run SELECT, DESCRIBE and LIST; statements that write need the
            operator role.
          </p>
        ) : null}
        <RunOptionsBar
          options={options}
          onChange={workbench.setOptions}
          keyspaces={outline.data?.keyspaces.map((k) => k.name) ?? []}
          keyspace={keyspace}
          onKeyspace={workbench.setKeyspace}
        />
        {outline.isError ? (
          <p>
            <ErrorBox
              inline
              title="No keyspaces or completion:"
              error={outline.error}
              testId="outline-error"
              onRetry={() => outline.refetch()}
            />
          </p>
        ) : null}
        <CqlEditor
          value={script}
          onChange={workbench.edit}
          onRunStatement={(statement) => void workbench.runStatements([statement])}
          onRunAll={(text) => void workbench.runStatements(splitStatements(text))}
          schema={outline.data ?? { keyspaces: [] }}
          keyspace={keyspace}
          errorAt={errorAt}
        />
        <div className="workbench-actions">
          <button type="button" onClick={() => void workbench.runScript()} disabled={!!running} data-testid="run-all">
            Run all <span className="muted">Shift-Ctrl-Enter</span>
          </button>
          {running ? (
            <>
              <span data-testid="running">
                running statement {running.index + 1} of {running.total}…
              </span>
              <button type="button" onClick={workbench.cancel} data-testid="cancel">
                Cancel
              </button>
            </>
          ) : (
            <span className="muted">Ctrl-Enter runs the statement under the cursor</span>
          )}
          {role !== 'viewer' ? <ImportDialog clusterId={clusterId} keyspace={keyspace} /> : null}
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
                onClick={() => workbench.show(i)}
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
            onPage={(direction) => void workbench.turnPage(shown, direction)}
          />
        ) : null}
      </div>
      <HistoryPanel clusterId={clusterId} current={{ statement: script, keyspace }} onLoad={workbench.load} />
      {confirming ? (
        <ConfirmDialog title="Run this statement?" statement={confirming.statement} onAnswer={workbench.answer}>
          <p>It changes or deletes data or schema for every user of the cluster, and cannot be undone from here.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
