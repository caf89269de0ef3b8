/** Where the workbench's data comes from: the run calls, the schema outline, history, saved queries, traces, exports. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { useTRPC } from '@/components/trpc/react';
import type { ImportFormat } from '@/lib/cql/import-formats';
import type { AppRouter } from '@/server/routers/_app';

export type RunInput = inferRouterInputs<AppRouter>['query']['run'];
/** What `query.run` answers for one statement. */
export type RunOutcome = inferRouterOutputs<AppRouter>['query']['run'];
export type PageRest = inferRouterOutputs<AppRouter>['query']['pageRest'];

/** The calls a run makes, as plain functions: the workbench's logic needs no knowledge of tRPC. */
export interface StatementRunner {
  run(input: RunInput): Promise<RunOutcome>;
  /** The rows of a page after its head. */
  rest(restToken: string): Promise<PageRest>;
  cancel(runId: string): void;
  /** A run was recorded: the history panel refetches. */
  historyChanged(): void;
  /** A statement changed the schema: completion refetches the outline. */
  schemaChanged(): void;
}

export function useStatementRunner(): StatementRunner {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useMutation(trpc.query.run.mutationOptions());
  const cancel = useMutation(trpc.query.cancel.mutationOptions());
  const pageRest = useMutation(trpc.query.pageRest.mutationOptions());
  return {
    run: run.mutateAsync,
    rest: (restToken) => pageRest.mutateAsync({ restToken }),
    cancel: (runId) => cancel.mutate({ runId }),
    historyChanged: () => void queryClient.invalidateQueries({ queryKey: trpc.query.history.queryKey() }),
    schemaChanged: () => void queryClient.invalidateQueries({ queryKey: trpc.schema.outline.queryKey() }),
  };
}

/** Keyspaces, tables and columns for completion and the keyspace picker. */
export function useSchemaOutline(clusterId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.schema.outline.queryOptions({ clusterId }, { staleTime: 30_000 }));
}

export function useQueryHistory(clusterId: string, search: string) {
  const trpc = useTRPC();
  return useQuery(trpc.query.history.queryOptions({ clusterId, search: search || null, limit: 50 }));
}

export function useSavedQueries(clusterId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.query.saved.queryKey() });
  return {
    list: useQuery(trpc.query.saved.queryOptions({ clusterId })),
    save: useMutation(trpc.query.save.mutationOptions({ onSuccess: refresh })),
    remove: useMutation(trpc.query.deleteSaved.mutationOptions({ onSuccess: refresh })),
  };
}

export function useTrace(clusterId: string, traceId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.query.trace.queryOptions({ clusterId, traceId }, { staleTime: Infinity, retry: 2 }));
}

/** An export's progress, polled while it runs; `exportId` null: none started. */
export function useExport(exportId: string | null) {
  const trpc = useTRPC();
  const status = useQuery(
    trpc.query.exportProgress.queryOptions(
      { exportId: exportId ?? '00000000-0000-0000-0000-000000000000' },
      {
        enabled: exportId !== null,
        refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 300 : false),
      },
    ),
  );
  const stop = useMutation(trpc.query.stopExport.mutationOptions());
  return { status, stop: (id: string) => stop.mutate({ exportId: id }) };
}

export type ImportStatus = NonNullable<inferRouterOutputs<AppRouter>['query']['importProgress']>;

/** An import's progress, polled while it runs. */
export function useImport(importId: string | null) {
  const trpc = useTRPC();
  const status = useQuery(
    trpc.query.importProgress.queryOptions(
      { importId: importId ?? '00000000-0000-0000-0000-000000000000' },
      {
        enabled: importId !== null,
        refetchInterval: (q) =>
          !q.state.data || q.state.data.state === 'receiving' || q.state.data.state === 'loading' ? 500 : false,
      },
    ),
  );
  const stop = useMutation(trpc.query.stopImport.mutationOptions());
  return { status, stop: (id: string) => stop.mutate({ importId: id }) };
}

export interface ImportUpload {
  clusterId: string;
  keyspace: string;
  table: string;
  format: ImportFormat;
  header: boolean;
  delimiter: string;
  nullMarker: string;
  maxRowsPerSecond: number;
  importId: string;
}

/**
 * Sends the file to /api/import (a plain route: the browser streams a file as the request body).
 * Resolves once the console holds the file; the load then runs on the server.
 */
export async function uploadImport(upload: ImportUpload, file: File): Promise<void> {
  const query = new URLSearchParams(
    Object.entries(upload).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
  const response = await fetch(`/api/import?${query}`, { method: 'POST', body: file });
  if (response.status === 202) return;
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  throw new Error(typeof body?.error === 'string' ? body.error : `the console answered HTTP ${response.status}`);
}
