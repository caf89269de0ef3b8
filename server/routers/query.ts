import 'server-only';
/** The query workbench: run statements, cancel them, read their traces, history and saved queries. */
import { z } from 'zod';
import { clusterConfig } from '../cluster/registry';
import type { JsonValue } from '../query/run/bind-values';
import { exportStatus, stopExport } from '../query/export/export-progress';
import { takeRemainder } from '../query/run/page-remainders';
import { cancelRun } from '../query/run/running-statements';
import { CONSISTENCY_LEVELS, SERIAL_CONSISTENCY_LEVELS } from '../query/run/consistency';
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
import { createTRPCRouter, publicProcedure } from '../trpc';
import { clusterInput } from './cluster';

const keyspaceName = z.string().min(1).max(48);

export const runInput = clusterInput.extend({
  keyspace: keyspaceName.nullable(),
  statement: z.string().trim().min(1, 'the statement is empty').max(1_000_000),
  values: z.array(z.json()).max(65_535).nullable().default(null),
  consistency: z.enum(CONSISTENCY_LEVELS).default('LOCAL_ONE'),
  serialConsistency: z.enum(SERIAL_CONSISTENCY_LEVELS).default('SERIAL'),
  pageSize: z.number().int().min(1).max(5000).default(100),
  pagingState: z
    .string()
    .regex(/^[0-9a-f]+$/i, 'a paging state is hex')
    .max(100_000)
    .nullable()
    .default(null),
  timeoutMs: z.number().int().min(100).max(600_000).default(12_000),
  tracing: z.boolean().default(false),
  confirmed: z.boolean().default(false),
  runId: z.string().min(1).max(64),
  /** Paging through a result that already ran is not a new entry in the history. */
  recordHistory: z.boolean().default(true),
});

export const queryRouter = createTRPCRouter({
  run: publicProcedure.input(runInput).mutation(async ({ input, signal }) => {
    clusterConfig(input.clusterId);
    const started = Date.now();
    const remember = (entry: Pick<HistoryEntry, 'keyspace' | 'outcome' | 'rows' | 'error'>) => {
      if (input.recordHistory)
        recordRun(input.clusterId, {
          ...entry,
          statement: input.statement,
          ranAt: started,
          tookMs: Date.now() - started,
        });
    };
    let outcome: RunOutcome;
    try {
      outcome = await runStatement({ ...input, values: input.values as JsonValue[] | null }, signal);
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
  trace: publicProcedure
    .input(clusterInput.extend({ traceId: z.string().min(1).max(64) }))
    .query(({ input }) => traceTimeline(input.clusterId, input.traceId)),
  history: publicProcedure
    .input(
      clusterInput.extend({
        search: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(1000).default(100),
      }),
    )
    .query(({ input }) => history(clusterConfig(input.clusterId).id, input.search || null, input.limit)),
  saved: publicProcedure.input(clusterInput).query(({ input }) => savedQueries(clusterConfig(input.clusterId).id)),
  save: publicProcedure
    .input(
      clusterInput.extend({
        name: z.string().trim().min(1).max(200),
        keyspace: keyspaceName.nullable(),
        statement: z.string().trim().min(1).max(1_000_000),
      }),
    )
    .mutation(({ input }) => saveQuery(clusterConfig(input.clusterId).id, input.name, input.keyspace, input.statement)),
  deleteSaved: publicProcedure
    .input(clusterInput.extend({ id: z.number().int() }))
    .mutation(({ input }) => ({ deleted: deleteSavedQuery(input.clusterId, input.id) })),
});
