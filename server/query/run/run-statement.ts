import 'server-only';
import type { RunRequest } from './run-request';
/**
 * Runs one workbench statement: on the workbench's own client for the chosen keyspace, with the
 * user's consistency, page size, paging state, bound values, timeout and tracing, cancellable; and
 * returns one page of rows formatted as cqlsh prints them, plus each row as JSON. A page is bounded
 * in bytes as well as rows, so a result of huge cells arrives as smaller pages rather than all at once.
 */
import { type types } from 'cassandra-driver';
import { ClusterUnreachableError, UnknownClusterError, UnknownKeyspaceError } from '../../cluster/errors';
import { driverConsistency } from './consistency';
import { cqlTypeName, shapeOf } from '../format/cql-type';
import { formatCqlCell, type CqlType } from '../format/format-cql';
import { rowJson } from '../format/json-text';
import { splitPage } from './page-remainders';
import { boundParameters } from './prepare';
import { beginRun, CancelledError } from './running-statements';
import { isDestructive, UnreadableUseError, keyspaceOfUse } from '@/lib/cql/split-statements';
import { checkKeyspace, workbenchClient } from './workbench-client';
import type { ClientLease } from '../../cluster/registry';
import { describeStatementError, type StatementError } from './statement-error';
import { logger } from '../../log/logger';

export interface ResultColumn {
  name: string;
  type: string;
}

export type { RunRequest } from './run-request';

export type RunOutcome =
  | {
      ok: true;
      kind: 'rows';
      columns: ResultColumn[];
      /** The page's first rows, cells as cqlsh prints them; null is a CQL null (an empty string is ''). */
      rows: (string | null)[][];
      json: string[];
      /** Rows in the whole page; when more than `rows` holds, `query.pageRest(restToken)` has the others. */
      rowCount: number;
      restToken: string | null;
      /** Cells cut to CELL_LIMIT characters for display; the export has them whole. */
      truncatedCells: number;
      /** Cells the formatter could not print as cqlsh would: their text starts with UNPRINTABLE_MARK. */
      unprintableCells: number;
      pagingState: string | null;
      pageSizeUsed: number;
      tookMs: number;
      traceId: string | null;
      coordinator: string | null;
      warnings: string[];
    }
  | {
      ok: true;
      kind: 'done';
      applied: boolean | null;
      tookMs: number;
      traceId: string | null;
      coordinator: string | null;
      warnings: string[];
    }
  | { ok: true; kind: 'use'; keyspace: string; tookMs: number }
  | { ok: false; error: StatementError; tookMs: number };

export const CELL_LIMIT = 65_536;
/** Formatted characters per page before the page is fetched again with fewer rows. */
export const PAGE_CHAR_BUDGET = 8_000_000;

interface FormattedPage {
  rows: (string | null)[][];
  json: string[];
  truncatedCells: number;
  unprintableCells: number;
  chars: number;
}

function formatPage(result: types.ResultSet): FormattedPage {
  const columns = result.columns.map((c) => ({ name: c.name, type: c.type as CqlType }));
  let truncatedCells = 0;
  let unprintableCells = 0;
  let chars = 0;
  const rows = result.rows.map((row) =>
    columns.map((c) => {
      const value = row.get(c.name);
      if (value === null || value === undefined) return null;
      const cell = formatCqlCell(value, c.type);
      if (cell.unprintable) unprintableCells++;
      let text = cell.text;
      if (text.length > CELL_LIMIT) {
        truncatedCells++;
        text = `${text.slice(0, CELL_LIMIT)}… (${text.length.toLocaleString('en')} characters; export the result to see it whole)`;
      }
      chars += text.length;
      return text;
    }),
  );
  const json = result.rows.map((row) => {
    const text = rowJson(row as unknown as Record<string, unknown>, columns);
    chars += Math.min(text.length, CELL_LIMIT);
    return text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT)}…` : text;
  });
  return { rows, json, truncatedCells, unprintableCells, chars };
}

/** Failures of the console's own (unknown keyspace, cluster unreachable) go to the caller as errors, not as a statement's outcome. */
function isConsoleError(error: unknown): boolean {
  return (
    error instanceof UnknownKeyspaceError ||
    error instanceof ClusterUnreachableError ||
    error instanceof UnknownClusterError
  );
}

const NEEDS_CONFIRMATION: StatementError = {
  kind: 'needs-confirmation',
  message: 'DROP, TRUNCATE and ALTER change or delete data for every user: confirm to run it.',
  code: null,
  position: null,
  hint: null,
};

/** `ownerId`: the user running it; only they can cancel the run or fetch the rest of its page. */
export async function runStatement(request: RunRequest, ownerId: string, signal?: AbortSignal): Promise<RunOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const run = beginRun(ownerId, request.runId, signal);
  let leasing: Promise<ClientLease> | null = null;
  try {
    const use = keyspaceOfUse(request.statement);
    if (use !== null) {
      await run.race(checkKeyspace(request.clusterId, use));
      return { ok: true, kind: 'use', keyspace: use, tookMs: took() };
    }
    if (isDestructive(request.statement) && !request.confirmed)
      return { ok: false, error: NEEDS_CONFIRMATION, tookMs: took() };
    leasing = workbenchClient(request.clusterId, request.keyspace);
    const { client } = await run.race(leasing);
    const params = await run.race(boundParameters(client, request.statement, request.values));
    let fetchSize = request.pageSize;
    for (;;) {
      const result = await run.race(
        client.execute(request.statement, params, {
          prepare: request.values !== null,
          consistency: driverConsistency(request.consistency),
          serialConsistency: driverConsistency(request.serialConsistency),
          fetchSize,
          pageState: request.pagingState ?? undefined,
          readTimeout: request.timeoutMs,
          traceQuery: request.tracing,
          // Only a statement the user marks idempotent may be retried on another node; the workbench does not guess.
          isIdempotent: false,
        }),
      );
      const traceId = result.info.traceId ? result.info.traceId.toString() : null;
      const coordinator = result.info.queriedHost ? String(result.info.queriedHost) : null;
      const warnings = result.info.warnings ?? [];
      if (!result.columns) {
        return { ok: true, kind: 'done', applied: null, tookMs: took(), traceId, coordinator, warnings };
      }
      const page = formatPage(result);
      if (page.chars > PAGE_CHAR_BUDGET && fetchSize > 1) {
        fetchSize = Math.max(1, Math.floor((fetchSize * PAGE_CHAR_BUDGET) / page.chars / 2));
        continue;
      }
      const columns = result.columns.map((c) => ({ name: c.name, type: cqlTypeName(shapeOf(c.type as CqlType)) }));
      const isLwt = columns[0]?.name === '[applied]';
      const onlyRow = result.rows.length === 1 ? result.rows[0] : undefined;
      if (isLwt && onlyRow && columns.length === 1) {
        return {
          ok: true,
          kind: 'done',
          applied: onlyRow.get('[applied]') as boolean,
          tookMs: took(),
          traceId,
          coordinator,
          warnings,
        };
      }
      const { head, restToken } = splitPage(page, ownerId);
      return {
        ok: true,
        kind: 'rows',
        columns,
        ...head,
        rowCount: page.rows.length,
        restToken,
        truncatedCells: page.truncatedCells,
        unprintableCells: page.unprintableCells,
        pagingState: result.pageState ?? null,
        pageSizeUsed: fetchSize,
        tookMs: took(),
        traceId,
        coordinator,
        warnings,
      };
    }
  } catch (error) {
    if (isConsoleError(error)) throw error;
    if (error instanceof CancelledError) {
      return {
        ok: false,
        error: { kind: 'cancelled', message: error.message, code: null, position: null, hint: null },
        tookMs: took(),
      };
    }
    if (error instanceof UnreadableUseError)
      return {
        ok: false,
        error: { kind: 'invalid', message: error.message, code: null, position: null, hint: null },
        tookMs: took(),
      };
    const described = describeStatementError(error, request.statement, request.timeoutMs);
    // Cassandra's answers and the user's own mistakes are the outcome; a failure of ours or the driver's is also logged.
    if (described.kind === 'internal' || described.kind === 'driver' || described.kind === 'connection')
      logger('workbench')[described.kind === 'internal' ? 'error' : 'warn'](
        { err: error, kind: described.kind, clusterId: request.clusterId, runId: request.runId },
        `statement failed in the console: ${described.message}`,
      );
    return { ok: false, error: described, tookMs: took() };
  } finally {
    run.end();
    // Released once the connect settles, even when a cancel stopped the wait for it.
    void leasing?.then(
      (lease) => lease.release(),
      () => undefined,
    );
  }
}
