import 'server-only';
/**
 * One poller per cluster, shared by every viewer: the work sent to the cluster depends on the
 * poll interval, never on how many browsers watch. Subscribers get the latest snapshot at once,
 * then every new one; queries reuse a snapshot younger than the interval. The loop runs while
 * anyone subscribes and stops a while after the last one leaves.
 */
import { eventStream } from './event-stream';

export interface Versioned<T> {
  /** `<process epoch>.<sequence>`: a reconnecting client's last id tells whether it has missed one. */
  id: string;
  takenAt: Date;
  value: T;
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

  constructor(
    private readonly collect: (previous: T | undefined) => Promise<T>,
    private readonly intervalMs: number,
    private readonly idleStopMs = 60_000,
  ) {}

  get current(): Versioned<T> | undefined {
    return this.latest;
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Collects now, unless a collection is already under way: then everyone shares its result. */
  refresh(): Promise<Versioned<T>> {
    this.inflight ??= this.collect(this.latest?.value)
      .then((value) => {
        this.latest = { id: `${this.epoch}.${++this.sequence}`, takenAt: new Date(), value };
        for (const listener of this.listeners) listener(this.latest);
        return this.latest;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
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
      await this.refresh().catch(() => undefined);
      this.schedule(this.intervalMs);
    }, delayMs);
    this.timer.unref?.();
  }
}
