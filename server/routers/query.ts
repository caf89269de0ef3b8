import 'server-only';
/** The query workbench: run statements, cancel them, read their traces, history and saved queries. */
import { z } from 'zod';
import { exportStatus, stopExport } from '../query/export/export-progress';
import { importStatus, stopImport } from '../query/import/import-jobs';
import { takeRemainder } from '../query/run/page-remainders';
import { cancelRun } from '../query/run/running-statements';
import { runRequestSchema } from '../query/run/run-request';
import { runStatement, type RunOutcome } from '../query/run/run-statement';
import { traceTimeline } from '../query/run/trace';
import {
  deleteSavedQuery,
  history,
  recordRun,
  savedQueries,
  saveQuery,
  type HistoryEntry,
} from '../store/query-history';
import { onlyReads } from '@/lib/cql/statement-kind';
import {
  clusterInput,
  createTRPCRouter,
  operatorProcedure,
  requireRoleOn,
  signedInProcedure,
  viewerProcedure,
} from '../trpc';

/** The audit log keeps the statements that write (a refused one is kept whatever it was). */
const statementWrites = (input: unknown) =>
  typeof input !== 'object' || input === null || !onlyReads(String((input as { statement?: unknown }).statement ?? ''));

const keyspaceName = z.string().min(1).max(48);

export const queryRouter = createTRPCRouter({
  /** A viewer may run what only reads; a statement that writes needs the operator role. */
  run: viewerProcedure
    .meta({ audit: statementWrites })
    .input(runRequestSchema)
    .mutation(async ({ input, ctx, signal }) => {
      if (!onlyReads(input.statement)) requireRoleOn('operator', ctx.cluster.id, ctx.principal);
      const started = Date.now();
      const remember = (entry: Pick<HistoryEntry, 'keyspace' | 'outcome' | 'rows' | 'error'>) => {
        if (input.recordHistory)
          recordRun(ctx.cluster.id, {
            ...entry,
            statement: input.statement,
            ranAt: started,
            tookMs: Date.now() - started,
          });
      };
      let outcome: RunOutcome;
      try {
        outcome = await runStatement(input, ctx.principal.userId, signal);
      } catch (error) {
        // An unknown keyspace or an unreachable cluster is a run that failed, and the history says so.
        remember({
          keyspace: input.keyspace,
          outcome: 'error',
          rows: null,
          error: error instanceof Error ? error.message : String(error),
        });
        throw error;
      }
      if (!(outcome.ok === false && outcome.error.kind === 'needs-confirmation')) {
        remember({
          keyspace: outcome.ok && outcome.kind === 'use' ? outcome.keyspace : input.keyspace,
          outcome: outcome.ok ? 'ok' : outcome.error.kind === 'cancelled' ? 'cancelled' : 'error',
          rows: outcome.ok && outcome.kind === 'rows' ? outcome.rowCount : null,
          error: outcome.ok ? null : outcome.error.message,
        });
      }
      return outcome;
    }),
  /** The rows of a page after its head (see page-remainders.ts). */
  pageRest: signedInProcedure
    .meta({ audit: 'never' })
    .input(z.object({ restToken: z.string().uuid() }))
    .mutation(({ input, ctx }) => takeRemainder(input.restToken, ctx.principal.userId)),
  exportProgress: signedInProcedure
    .input(z.object({ exportId: z.string().uuid() }))
    .query(({ input, ctx }) => exportStatus(ctx.principal.userId, input.exportId)),
  stopExport: signedInProcedure
    .input(z.object({ exportId: z.string().uuid() }))
    .mutation(({ input, ctx }) => ({ stopped: stopExport(ctx.principal.userId, input.exportId) })),
  /** An import's progress and its rejected lines; null until its upload has reached the console. */
  importProgress: signedInProcedure
    .input(z.object({ importId: z.string().uuid() }))
    .query(({ input, ctx }) => importStatus(ctx.principal.userId, input.importId)),
  stopImport: signedInProcedure
    .input(z.object({ importId: z.string().uuid() }))
    .mutation(({ input, ctx }) => ({ stopped: stopImport(ctx.principal.userId, input.importId) })),
  cancel: signedInProcedure
    .input(z.object({ runId: z.string().min(1).max(64) }))
    .mutation(({ input, ctx }) => ({ cancelled: cancelRun(ctx.principal.userId, input.runId) })),
  trace: viewerProcedure
    .input(clusterInput.extend({ traceId: z.string().min(1).max(64) }))
    .query(({ input, ctx }) => traceTimeline(ctx.cluster.id, input.traceId)),
  history: viewerProcedure
    .input(
      clusterInput.extend({
        search: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(1000).default(100),
      }),
    )
    .query(({ input, ctx }) => history(ctx.cluster.id, input.search || null, input.limit)),
  saved: viewerProcedure.input(clusterInput).query(({ ctx }) => savedQueries(ctx.cluster.id)),
  save: operatorProcedure
    .input(
      clusterInput.extend({
        name: z.string().trim().min(1).max(200),
        keyspace: keyspaceName.nullable(),
        statement: z.string().trim().min(1).max(1_000_000),
      }),
    )
    .mutation(({ input, ctx }) => saveQuery(ctx.cluster.id, input.name, input.keyspace, input.statement)),
  deleteSaved: operatorProcedure
    .input(clusterInput.extend({ id: z.number().int() }))
    .mutation(({ input, ctx }) => ({ deleted: deleteSavedQuery(ctx.cluster.id, input.id) })),
});
