import 'server-only';
import type { ExportRequestBody } from './export-request';
/**
 * A whole result, every page, in the request's dialect (docs/export.md), produced as a stream: the next page is fetched only
 * when the reader has taken the last one, so memory stays flat however many rows there are. While
 * one page is written out, the next is already on its way from Cassandra.
 */
import type { types } from 'cassandra-driver';
import { InvalidInputError } from '../../cluster/errors';
import { driverConsistency } from '../run/consistency';
import { csvRowWriter } from './column-writer';
import { csvLine, csvValue, type CsvLineContext } from './csv-value';
import { dialectRefusal } from './dialect-check';
import { shapeOf, type CqlType } from '../format/cql-type';
import { jsonRowWriter } from '../format/json-text';
import { CannotCarryError } from '../format/scalar-text';
import { boundParameters } from '../run/prepare';
import { firstKeyword } from '@/lib/cql/split-statements';
import { workbenchClient } from '../run/workbench-client';

/** What an export runs: the posted request without the id its progress is tracked by. */
export type ExportRequest = Omit<ExportRequestBody, 'exportId'>;

export function assertExportable(statement: string): void {
  const first = firstKeyword(statement);
  if (first !== 'SELECT')
    throw new InvalidInputError(`only a SELECT can be exported (this statement starts with ${first || 'nothing'})`);
}

export interface ExportProgress {
  rows: number;
  bytes: number;
}

/** The first page is small: how big a row is, is learnt before asking for thousands of them. */
const FIRST_FETCH = 100;
/** Text per page aimed at; with one page read ahead, the export holds about twice this. */
const TARGET_PAGE_BYTES = 4_000_000;

/** Rows per page for rows of this size, within what the request allows. */
export function nextFetchSize(bytesPerRow: number, allowed: number): number {
  if (!Number.isFinite(bytesPerRow) || bytesPerRow <= 0) return allowed;
  return Math.max(1, Math.min(allowed, Math.floor(TARGET_PAGE_BYTES / bytesPerRow)));
}

/**
 * The export as chunks of text; `progress` counts rows and bytes written so far. Page sizes follow the
 * rows' size (learnt one page behind), so a table of megabyte blobs is read a few rows at a time.
 */
export async function* exportRows(
  request: ExportRequest,
  progress: ExportProgress,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  assertExportable(request.statement);
  const lease = await workbenchClient(request.clusterId, request.keyspace);
  try {
    const { client } = lease;
    const params = await boundParameters(client, request.statement, request.values);
    const fetch = (pageState: string | undefined, fetchSize: number) =>
      client.execute(request.statement, params, {
        prepare: request.values !== null,
        consistency: driverConsistency(request.consistency),
        fetchSize,
        pageState,
        readTimeout: request.timeoutMs,
      });
    let fetchSize = Math.min(FIRST_FETCH, request.fetchSize);
    let next: Promise<types.ResultSet> | null = fetch(undefined, fetchSize);
    let first = true;
    while (next) {
      const page: types.ResultSet = await next;
      if (signal?.aborted) return;
      next = page.pageState ? fetch(page.pageState, fetchSize) : null;
      // A page nobody will read must not surface as an unhandled rejection if the reader goes away.
      next?.catch(() => undefined);
      // The driver sends a request only once the microtasks of `execute` have run: formatting first
      // would hold it back for the whole page, and Cassandra would sit idle instead of reading ahead.
      if (next) await new Promise((resolve) => setImmediate(resolve));
      const columns = (page.columns ?? []).map((c) => ({ name: c.name, type: c.type as CqlType }));
      if (first) {
        const refusal = dialectRefusal(request.dialect, columns);
        if (refusal) throw new InvalidInputError(refusal);
      }
      const lines = writeLines(request, columns, page.rows, first, progress);
      if (!next && request.dialect === 'json') lines.push(']');
      first = false;
      // Cassandra may end a result with an empty page: nothing to write for it.
      if (lines.length === 0) continue;
      const chunk = lines.join('\n') + '\n';
      progress.bytes += chunk.length;
      if (page.rows.length > 0) fetchSize = nextFetchSize(chunk.length / page.rows.length, request.fetchSize);
      yield chunk;
    }
  } finally {
    lease.release();
  }
}

/** A page's rows as lines of the dialect; a value it cannot carry stops the export naming row and column. */
function writeLines(
  request: ExportRequest,
  columns: { name: string; type: CqlType }[],
  rows: types.Row[],
  first: boolean,
  progress: ExportProgress,
): string[] {
  const lines: string[] = [];
  const { dialect, timeZone } = request;
  if (dialect === 'jsonl' || dialect === 'json') {
    if (first && dialect === 'json') lines.push('[');
    const rowJson = jsonRowWriter(columns, timeZone);
    for (const row of rows) {
      const json = rowJson(row as unknown as Record<string, unknown>);
      lines.push(dialect === 'json' && progress.rows > 0 ? `,${json}` : json);
      progress.rows++;
    }
    return lines;
  }
  const ctx: CsvLineContext = {
    dialect,
    timeZone,
    nullMarker: request.nullMarker,
    delimiter: request.delimiter,
  };
  if (first && request.header)
    lines.push(
      csvLine(
        columns.map((c) => c.name),
        ctx,
      ),
    );
  const writeRow = csvRowWriter(columns, ctx);
  for (const row of rows) {
    let line: string;
    try {
      line = writeRow(row as unknown as Record<string, unknown>);
    } catch {
      // The general path writes the same text; where the row cannot be written, it names the column.
      line = generalLine(row, columns, ctx, progress.rows + 1);
    }
    lines.push(line);
    progress.rows++;
  }
  return lines;
}

/** A row through `csvValue` and `csvLine`, cell by cell; a value the dialect cannot carry stops the export naming row and column. */
function generalLine(
  row: types.Row,
  columns: { name: string; type: CqlType }[],
  ctx: CsvLineContext,
  rowNumber: number,
): string {
  let column = 0;
  try {
    const fields: (string | null)[] = [];
    for (column = 0; column < columns.length; column++)
      fields.push(csvValue(row.get(columns[column]!.name), shapeOf(columns[column]!.type), ctx));
    column = -1;
    return csvLine(fields, ctx);
  } catch (error) {
    if (!(error instanceof CannotCarryError)) throw error;
    const where = column >= 0 ? `, column ${columns[column]!.name}` : '';
    throw new InvalidInputError(
      `the ${ctx.dialect} dialect cannot carry row ${rowNumber}${where} exactly: ${error.message}`,
    );
  }
}
