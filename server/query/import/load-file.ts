import 'server-only';
/**
 * One import from start to end: the file's bytes decoded as UTF-8, read as records of its format,
 * each turned into a row by its columns' types (or rejected with its line and reason), the rows written
 * by the batch writer. Progress is counted in `progress` as it goes, for the page to poll.
 */
import type { Client } from 'cassandra-driver';
import { InvalidInputError } from '../../cluster/errors';
import { driverConsistency } from '../run/consistency';
import { workbenchClient } from '../run/workbench-client';
import { BatchWriter, ImportStoppedError } from './batch-writer';
import { csvRecords, type CsvRecord } from './csv-records';
import type { ImportRequest } from './import-request';
import { csvRowConverter, jsonRowConverter, type Converted, type RejectedLine } from './import-rows';
import { headerColumns, importTarget, insertStatement, type ImportColumn, type ImportTarget } from './import-target';
import { jsonlRecords } from './jsonl-records';

export interface ImportCounters {
  bytesRead: number;
  /** The last line of the file read so far. */
  lines: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Every rejected line, in the order found (the import stops past `maxRejects` of them). */
  rejects: RejectedLine[];
}

export type ImportSettings = Omit<ImportRequest, 'importId'>;

/** The bytes as text; a byte sequence that is not UTF-8 ends the import, saying where. */
async function* utf8(source: AsyncIterable<Uint8Array>, counters: ImportCounters): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const bytes of source) {
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new InvalidInputError(
        `the file is not UTF-8 text (bytes ${counters.bytesRead}–${counters.bytesRead + bytes.length} hold a sequence that is not): is it the CSV or JSON-lines file meant?`,
      );
    }
    counters.bytesRead += bytes.length;
    yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw new InvalidInputError(
      `the file ends inside a UTF-8 character (its last bytes are cut short): was it cut off while being saved?`,
    );
  }
  if (rest) yield rest;
}

/** Records as rows of the target: the header (if any) decides the columns of a CSV. */
async function* convertedRows(
  request: ImportSettings,
  target: ImportTarget,
  text: AsyncIterable<string>,
  onColumns: (columns: ImportColumn[]) => void,
): AsyncGenerator<Converted[]> {
  if (request.format === 'jsonl') {
    onColumns(target.columns);
    const convert = jsonRowConverter(target.columns);
    for await (const records of jsonlRecords(text)) yield records.map(convert);
    return;
  }
  const format = { dialect: request.format, delimiter: request.delimiter, nullMarker: request.nullMarker };
  let convert: ((record: CsvRecord) => Converted) | null = null;
  if (!request.header) {
    onColumns(target.columns);
    convert = csvRowConverter(target.columns);
  }
  for await (const records of csvRecords(text, format)) {
    const converted: Converted[] = [];
    for (const record of records) {
      if (!convert) {
        if (record.kind === 'bad')
          throw new InvalidInputError(`the header (line ${record.firstLine}) is not a CSV line: ${record.reason}`);
        const columns = headerColumns(target, record.fields, record.firstLine);
        onColumns(columns);
        convert = csvRowConverter(columns);
        continue;
      }
      converted.push(convert(record));
    }
    if (converted.length > 0) yield converted;
  }
}

/** Refuses, before a byte of the file is taken, an import into a table that is not there or cannot be loaded. */
export async function checkTarget(request: ImportSettings): Promise<void> {
  const lease = await workbenchClient(request.clusterId, request.keyspace);
  try {
    await importTarget(lease.client, request.clusterId, request.keyspace, request.table);
  } finally {
    lease.release();
  }
}

export async function loadFile(
  request: ImportSettings,
  source: AsyncIterable<Uint8Array>,
  counters: ImportCounters,
  signal: AbortSignal,
): Promise<void> {
  const lease = await workbenchClient(request.clusterId, request.keyspace);
  try {
    const client: Client = lease.client;
    const target = await importTarget(client, request.clusterId, request.keyspace, request.table);
    const state: { writer: BatchWriter | null } = { writer: null };
    const tally = {
      loaded: (rows: number) => (counters.rowsLoaded += rows),
      rejected: (line: RejectedLine) => {
        counters.rowsRejected++;
        counters.rejects.push(line);
      },
    };
    const tooMany = () =>
      counters.rowsRejected > request.maxRejects
        ? new ImportStoppedError(
            `stopped after ${counters.rowsRejected} rejected lines (more than the ${request.maxRejects} allowed): the file does not fit ${request.keyspace}.${request.table}; see the rejected lines`,
          )
        : null;
    const rows = convertedRows(request, target, utf8(source, counters), (columns) => {
      state.writer = new BatchWriter(
        client,
        insertStatement(target, columns),
        {
          consistency: driverConsistency(request.consistency),
          concurrency: request.concurrency,
          maxRowsPerSecond: request.maxRowsPerSecond,
        },
        tally,
        signal,
      );
    });
    try {
      for await (const batch of rows) {
        for (const converted of batch) {
          if (signal.aborted) throw new ImportStoppedError('stopped by the user');
          const line = converted.kind === 'row' ? converted.row.lastLine : converted.rejected.lastLine;
          counters.lines = Math.max(counters.lines, line);
          if (converted.kind === 'rejected') tally.rejected(converted.rejected);
          else if (state.writer!.add(converted.row)) await state.writer!.sendWindow();
          const stop = tooMany();
          if (stop) throw stop;
        }
      }
    } catch (error) {
      // What was sent is waited for, so the counts say what the cluster holds; the first error is the one told.
      await state.writer?.finish(false).catch(() => undefined);
      throw error;
    }
    await state.writer?.finish();
    const stop = tooMany();
    if (stop) throw stop;
  } finally {
    lease.release();
  }
}
