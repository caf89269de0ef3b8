import 'server-only';
/**
 * Writes rows with one prepared INSERT, grouped per partition: rows of a window that share a partition
 * go in one unlogged batch (one mutation on one replica set — Cassandra exempts single-partition
 * batches from its batch size limits, CASSANDRA-10876), at most `concurrency` batches in flight and
 * at most `maxRowsPerSecond` rows a second. `add` waits while the writer is full, so the file is read
 * only as fast as the cluster takes it and memory stays flat.
 *
 * A batch Cassandra refuses for its data is written again row by row, so the one bad row is rejected
 * with Cassandra's reason and the others load. A batch that fails for the cluster's sake (a timeout,
 * an unavailable replica, overload) is tried again after a pause; if it keeps failing, the import stops
 * and says so. INSERTs of whole rows can be repeated without harm.
 */
import { setTimeout } from 'node:timers/promises';
import { errors as driverErrors, types, type Client } from 'cassandra-driver';
import { hostFailures } from '../../cluster/driver-internals';
import type { PendingRow, RejectedLine } from './import-rows';

export interface WriterOptions {
  consistency: types.consistencies;
  concurrency: number;
  maxRowsPerSecond: number;
}

/** Rows gathered before they are grouped by partition. */
const WINDOW_ROWS = 5000;
/** And at most this much of their values, so that wide rows (large blobs) cannot fill the console's memory. */
const WINDOW_BYTES = 32 * 2 ** 20;
/**
 * A batch's size at most, in rows and in bytes of values: a batch is one mutation, which Cassandra
 * refuses past half a commit log segment (16 MiB by default). Measured on 1M rows of 6 columns: 500-row
 * batches load in 11.7 s, 100-row ones in 14.0 s (Cassandra's CPU per row falls with the batch count).
 */
const MAX_BATCH_ROWS = 500;
const MAX_BATCH_BYTES = 1 << 20;
const RATE_CREDIT_MS = 1000;
const RETRY_PAUSES_MS = [100, 300, 1000, 2000, 4000, 8000];

/** The import cannot go on: the cluster keeps failing writes, or refuses them for a reason no row can fix. */
export class ImportStoppedError extends Error {}

const { responseErrorCodes: codes } = types;
const TRANSIENT = new Set<number>([
  codes.writeTimeout,
  codes.unavailableException,
  codes.overloaded,
  codes.isBootstrapping,
  codes.writeFailure,
  codes.readTimeout,
]);

type Failure = { kind: 'transient' | 'data' | 'fatal'; message: string };

/** What a failed write says about what to do next. */
function classify(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof driverErrors.ResponseError) {
    if (TRANSIENT.has(error.code)) return { kind: 'transient', message };
    // Unauthorized, a table dropped while loading…: no row of the file would fare better.
    if (error.code === codes.unauthorized || /unconfigured table/i.test(message)) return { kind: 'fatal', message };
    return { kind: 'data', message };
  }
  if (error instanceof driverErrors.NoHostAvailableError) {
    const inner = hostFailures(error).map((f) => f.error);
    const response = inner.find((e): e is driverErrors.ResponseError => e instanceof driverErrors.ResponseError);
    if (response && inner.every((e) => e instanceof driverErrors.ResponseError)) return classify(response);
    return { kind: 'transient', message };
  }
  if (error instanceof driverErrors.OperationTimedOutError) return { kind: 'transient', message };
  // The driver's encoder refusing a value: that row's own fault.
  if (error instanceof TypeError) return { kind: 'data', message };
  return { kind: 'fatal', message };
}

/** A pause that ends early (without an error) when the import is stopped. */
const sleep = (ms: number, signal: AbortSignal) => setTimeout(ms, undefined, { signal }).catch(() => undefined);

export interface WriterTally {
  loaded(rows: number): void;
  rejected(line: RejectedLine): void;
}

export class BatchWriter {
  private window = new Map<string, PendingRow[]>();
  private windowRows = 0;
  private windowBytes = 0;
  private inFlight = 0;
  private slotFreed: (() => void) | null = null;
  private nextSendAt = 0;
  private failure: ImportStoppedError | null = null;

  constructor(
    private readonly client: Client,
    private readonly query: string,
    private readonly options: WriterOptions,
    private readonly tally: WriterTally,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Takes a row into the window; true when the window is full and `sendWindow` is due. Not async: a
   * promise per row costs more than the row's own work under the server's async context tracking.
   * Throws once the import cannot go on.
   */
  add(row: PendingRow): boolean {
    if (this.failure) throw this.failure;
    let group = this.window.get(row.partition);
    if (!group) this.window.set(row.partition, (group = []));
    group.push(row);
    this.windowBytes += row.bytes;
    return ++this.windowRows >= WINDOW_ROWS || this.windowBytes >= WINDOW_BYTES;
  }

  /** Sends what is left (unless the import is ending early) and waits for every write to end. */
  async finish(sendRest = true): Promise<void> {
    if (sendRest && !this.failure) await this.sendWindow();
    while (this.inFlight > 0) await new Promise<void>((resolve) => (this.slotFreed = resolve));
    if (this.failure) throw this.failure;
  }

  /** Sends the window's rows, a batch per partition; waits while the writer is full. */
  async sendWindow(): Promise<void> {
    const groups = [...this.window.values()];
    this.window = new Map();
    this.windowRows = 0;
    this.windowBytes = 0;
    for (const group of groups) {
      let start = 0;
      while (start < group.length) {
        let end = start;
        let bytes = 0;
        while (
          end < group.length &&
          end - start < Math.min(MAX_BATCH_ROWS, this.options.maxRowsPerSecond) &&
          (end === start || bytes + group[end]!.bytes <= MAX_BATCH_BYTES)
        )
          bytes += group[end++]!.bytes;
        if (this.failure) throw this.failure;
        await this.slot();
        await this.pace(end - start);
        // Checked after the waits: a stop pressed while the writer was full or paced sends nothing more.
        if (this.failure) throw this.failure;
        if (this.signal.aborted) throw new ImportStoppedError('stopped by the user');
        this.inFlight++;
        void this.write(group.slice(start, end)).finally(() => {
          this.inFlight--;
          const wake = this.slotFreed;
          this.slotFreed = null;
          wake?.();
        });
        start = end;
      }
    }
  }

  private async slot(): Promise<void> {
    while (this.inFlight >= this.options.concurrency) await new Promise<void>((resolve) => (this.slotFreed = resolve));
  }

  /**
   * The rate bound, a token bucket: each batch's rows take their share of a second, and up to a second
   * of credit left unused is kept, so a window sent at once is not held back while the average stays
   * under the bound (without the credit, 1M rows under a 100,000 rows/s bound took 17.9 s instead of 15.4 s
   * at ~55,000 rows/s).
   */
  private async pace(rows: number): Promise<void> {
    const now = performance.now();
    const at = Math.max(now - RATE_CREDIT_MS, this.nextSendAt);
    this.nextSendAt = at + (rows * 1000) / this.options.maxRowsPerSecond;
    if (at - now >= 1) await sleep(at - now, this.signal);
  }

  private send(rows: PendingRow[]): Promise<unknown> {
    const options = { prepare: true, consistency: this.options.consistency };
    if (rows.length === 1) return this.client.execute(this.query, rows[0]!.values, options);
    return this.client.batch(
      rows.map((r) => ({ query: this.query, params: r.values })),
      { ...options, logged: false },
    );
  }

  /** One batch, tried again while the cluster's failure is passing; its rows one by one when Cassandra refuses its data. */
  private async write(rows: PendingRow[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.failure) return;
      try {
        await this.send(rows);
        this.tally.loaded(rows.length);
        return;
      } catch (error) {
        const failure = classify(error);
        if (failure.kind === 'data') {
          if (rows.length > 1) {
            for (const row of rows) await this.write([row]);
            return;
          }
          const row = rows[0]!;
          this.tally.rejected({
            firstLine: row.firstLine,
            lastLine: row.lastLine,
            reason: `Cassandra refused the row: ${failure.message}`,
          });
          return;
        }
        const pause = RETRY_PAUSES_MS[attempt];
        if (failure.kind === 'fatal' || pause === undefined) {
          this.failure ??= new ImportStoppedError(
            failure.kind === 'fatal'
              ? `Cassandra refused the writes: ${failure.message}`
              : `the cluster kept failing writes (${RETRY_PAUSES_MS.length + 1} tries over ${RETRY_PAUSES_MS.reduce((a, b) => a + b, 0) / 1000} s): ${failure.message}`,
          );
          return;
        }
        await sleep(pause, this.signal);
        if (this.signal.aborted) return;
      }
    }
  }
}
