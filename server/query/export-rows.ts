import 'server-only';
/**
 * A whole result, every page, as CSV or JSON, produced as a stream: the next page is fetched only
 * when the reader has taken the last one, so memory stays flat however many rows there are. While
 * one page is written out, the next is already on its way from Cassandra.
 */
import { types, type Client } from 'cassandra-driver';
import { InvalidInputError } from '../cluster/errors';
import { toDriverValues, type JsonValue } from './bind-values';
import { CONSISTENCY_LEVELS, driverConsistency } from './consistency';
import { csvCell, csvLine } from './csv';
import type { CqlType } from './format-cql';
import { rowJson } from './json-text';
import { bindMarkers } from './prepare';
import { codeOnly } from './split-statements';
import { workbenchClient } from './workbench-client';

export interface ExportRequest {
  clusterId: string;
  keyspace: string | null;
  statement: string;
  values: JsonValue[] | null;
  consistency: (typeof CONSISTENCY_LEVELS)[number];
  format: 'csv' | 'json';
  fetchSize: number;
  timeoutMs: number;
}

export function assertExportable(statement: string): void {
  const first = codeOnly(statement).trim().split(/\s+/)[0]?.toUpperCase();
  if (first !== 'SELECT') throw new InvalidInputError(`only a SELECT can be exported (this statement starts with ${first ?? 'nothing'})`);
}

export interface ExportProgress {
  rows: number;
}

/** The export as chunks of text; `progress.rows` counts the rows written so far. */
export async function* exportRows(request: ExportRequest, progress: ExportProgress, signal?: AbortSignal): AsyncGenerator<string> {
  assertExportable(request.statement);
  const client: Client = await workbenchClient(request.clusterId, request.keyspace);
  const params = request.values === null ? undefined : toDriverValues(request.values, await bindMarkers(client, request.statement));
  const fetch = (pageState: string | undefined) =>
    client.execute(request.statement, params, {
      prepare: request.values !== null,
      consistency: driverConsistency(request.consistency),
      fetchSize: request.fetchSize,
      pageState,
      readTimeout: request.timeoutMs,
    });
  let next: Promise<types.ResultSet> | null = fetch(undefined);
  let first = true;
  while (next) {
    const page: types.ResultSet = await next;
    if (signal?.aborted) return;
    next = page.pageState ? fetch(page.pageState) : null;
    // A page nobody will read must not surface as an unhandled rejection if the reader goes away.
    next?.catch(() => undefined);
    const columns = (page.columns ?? []).map((c) => ({ name: c.name, type: c.type as CqlType }));
    const lines: string[] = [];
    if (first) lines.push(request.format === 'csv' ? csvLine(columns.map((c) => c.name)) : '[');
    for (const row of page.rows) {
      if (request.format === 'csv') lines.push(csvLine(columns.map((c) => csvCell(row.get(c.name), c.type))));
      else lines.push(`${progress.rows > 0 ? ',' : ''}${rowJson(row as unknown as Record<string, unknown>, columns)}`);
      progress.rows++;
    }
    if (!next && request.format === 'json') lines.push(']');
    first = false;
    // Cassandra may end a result with an empty page: nothing to write for it.
    if (lines.length > 0) yield lines.join('\n') + '\n';
  }
}
