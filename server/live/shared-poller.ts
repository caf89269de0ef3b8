import 'server-only';
/**
 * One poller per cluster, shared by every viewer: the work sent to the cluster depends on the
 * poll interval, never on how many browsers watch. Subscribers get the latest snapshot at once,
 * then every new one; queries reuse a snapshot younger than the interval. The loop runs while
 * anyone subscribes and stops a while after the last one leaves.
 *
 * A poll that fails (the collect function throws) is not dropped: the poller keeps it as its last
 * error, logs it, and re-sends the latest snapshot carrying it, so a page shows that what it sees is
 * getting old and why. The next good poll clears it.
 */
import { eventStream } from './event-stream';
import { logger, type Logger } from '../log/logger';

export interface PollError {
  message: string;
  at: Date;
  /** Polls failed in a row, this one included. */
  consecutiveFailures: number;
}

export interface Versioned<T> {
  /** `<process epoch>.<sequence>`: a reconnecting client's last id tells whether it has missed one. */
  id: string;
  takenAt: Date;
  value: T;
  /** Set while polls fail: `value` is then the last good one, from `takenAt`. */
  pollError: PollError | null;
}

export class SharedPoller<T> {
  private readonly epoch = Date.now().toString(36);
  private sequence = 0;
  private latest: Versioned<T> | undefined;
  private inflight: Promise<Versioned<T>> | undefined;
  private readonly listeners = new Set<(snapshot: Versioned<T>) => void>();
  private timer: NodeJS.Timeout | undefined;
  private nudgeTimer: NodeJS.Timeout | undefined;
  private idleSince: number | undefined;
  private failure: PollError | null = null;
  private readonly log: Logger;

  constructor(
    private readonly collect: (previous: T | undefined) => Promise<T>,
    private readonly intervalMs: number,
    private readonly idleStopMs = 60_000,
    /** Names the poller in its log lines, e.g. `{ poller: 'topology', clusterId: 'demo' }`. */
    logBindings: Record<string, unknown> = {},
  ) {
    this.log = logger('shared-poller', logBindings);
  }

  get current(): Versioned<T> | undefined {
    return this.latest;
  }

  /** The failure of the latest poll, while polls fail; null once one succeeds. */
  get lastError(): PollError | null {
    return this.failure;
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Collects now, unless a collection is already under way: then everyone shares its result. */
  refresh(): Promise<Versioned<T>> {
    this.inflight ??= this.collect(this.latest?.value)
      .then(
        (value) => {
          if (this.failure)
            this.log.info({ failedPolls: this.failure.consecutiveFailures }, 'poll succeeded again after failures');
          this.failure = null;
          this.publish({ id: this.nextId(), takenAt: new Date(), value, pollError: null });
          return this.latest!;
        },
        (error: unknown) => {
          this.recordFailure(error);
          throw error;
        },
      )
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  private nextId(): string {
    return `${this.epoch}.${++this.sequence}`;
  }

  private publish(snapshot: Versioned<T>): void {
    this.latest = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }

  /**
   * Keeps the failure and sends it to subscribers on the last good snapshot, under a new id so a
   * reconnecting reader gets it too. Before any snapshot there is nothing to carry it: it is logged
   * and held in `lastError`, and `refresh()`'s callers get the rejection.
   */
  private recordFailure(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const consecutiveFailures = (this.failure?.consecutiveFailures ?? 0) + 1;
    this.failure = { message, at: new Date(), consecutiveFailures };
    // Every failure of a streak is worth a line at first; after that, one a minute at most is enough.
    const level = consecutiveFailures <= 3 || consecutiveFailures % 60 === 0 ? 'warn' : 'debug';
    this.log[level]({ err: error, consecutiveFailures }, `poll failed: ${message}`);
    if (this.latest) this.publish({ ...this.latest, id: this.nextId(), pollError: this.failure });
  }

  /** The latest snapshot if it is younger than the poll interval, else a new one. */
  async fresh(): Promise<Versioned<T>> {
    if (this.latest && Date.now() - this.latest.takenAt.getTime() < this.intervalMs) return this.latest;
    return this.refresh();
  }

  /** Something happened (a driver host event): collect soon rather than at the next tick. */
  nudge(): void {
    if (this.nudgeTimer || this.listeners.size === 0) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = undefined;
      // A failure is already kept, logged and streamed by refresh(); nobody else awaits this one.
      void this.refresh().catch(() => undefined);
    }, 100);
  }

  subscribe(listener: (snapshot: Versioned<T>) => void): () => void {
    this.listeners.add(listener);
    this.idleSince = undefined;
    if (!this.timer) this.schedule(0);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.idleSince = Date.now();
    };
  }

  /** Snapshots as an async stream, latest first, until `signal` aborts. Slow readers skip to the newest. */
  stream(signal: AbortSignal | undefined, lastSeenId?: string | null): AsyncGenerator<Versioned<T>> {
    const initial = this.latest && this.latest.id !== lastSeenId ? this.latest : undefined;
    return eventStream<Versioned<T>>((push) => this.subscribe(push), signal, { initial, buffer: 1 });
  }

  stop(): void {
    clearTimeout(this.timer);
    clearTimeout(this.nudgeTimer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(async () => {
      if (this.idleSince !== undefined && Date.now() - this.idleSince > this.idleStopMs) {
        this.timer = undefined;
        return;
      }
      // As in nudge(): refresh() has recorded a failure; the loop goes on and the next poll may recover.
      await this.refresh().catch(() => undefined);
      this.schedule(this.intervalMs);
    }, delayMs);
    this.timer.unref?.();
  }
}
