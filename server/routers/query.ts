import 'server-only';
/** The query workbench: run statements, cancel them, read their traces, history and saved queries. */
import { z } from 'zod';
import { exportStatus, stopExport } from '../query/export/export-progress';
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
import { clusterInput, clusterProcedure, createTRPCRouter, publicProcedure } from '../trpc';

const keyspaceName = z.string().min(1).max(48);

export const queryRouter = createTRPCRouter({
  run: clusterProcedure.input(runRequestSchema).mutation(async ({ input, ctx, signal }) => {
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
      outcome = await runStatement(input, signal);
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
  pageRest: publicProcedure
    .input(z.object({ restToken: z.string().uuid() }))
    .mutation(({ input }) => takeRemainder(input.restToken)),
  exportProgress: publicProcedure
    .input(z.object({ exportId: z.string().uuid() }))
    .query(({ input }) => exportStatus(input.exportId)),
  stopExport: publicProcedure
    .input(z.object({ exportId: z.string().uuid() }))
    .mutation(({ input }) => ({ stopped: stopExport(input.exportId) })),
  cancel: publicProcedure
    .input(z.object({ runId: z.string().min(1).max(64) }))
    .mutation(({ input }) => ({ cancelled: cancelRun(input.runId) })),
  trace: clusterProcedure
    .input(clusterInput.extend({ traceId: z.string().min(1).max(64) }))
    .query(({ input, ctx }) => traceTimeline(ctx.cluster.id, input.traceId)),
  history: clusterProcedure
    .input(
      clusterInput.extend({
        search: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(1000).default(100),
      }),
    )
    .query(({ input, ctx }) => history(ctx.cluster.id, input.search || null, input.limit)),
  saved: clusterProcedure.input(clusterInput).query(({ ctx }) => savedQueries(ctx.cluster.id)),
  save: clusterProcedure
    .input(
      clusterInput.extend({
        name: z.string().trim().min(1).max(200),
        keyspace: keyspaceName.nullable(),
        statement: z.string().trim().min(1).max(1_000_000),
      }),
    )
    .mutation(({ input, ctx }) => saveQuery(ctx.cluster.id, input.name, input.keyspace, input.statement)),
  deleteSaved: clusterProcedure
    .input(clusterInput.extend({ id: z.number().int() }))
    .mutation(({ input, ctx }) => ({ deleted: deleteSavedQuery(ctx.cluster.id, input.id) })),
});
