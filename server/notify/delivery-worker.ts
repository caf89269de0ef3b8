import 'server-only';
/**
 * The delivery worker: one per server process, started with the server (not by a page), so
 * notifications go out whether or not anyone has the console open. It claims due deliveries from the
 * outbox a few at a time — never the whole queue — sends each through the egress guard, and records
 * the attempt and what follows from it (retry-policy.ts). Each destination gets its own slots
 * (`perDestinationConcurrency`, Slack one, paced to a message a second), all of them together at most
 * `concurrency`, so a slow or failing receiver only ever holds its own slots.
 *
 * A claim is a lease: a delivery left `delivering` by a process that died is claimed again once the
 * lease (twice the attempt time-out, plus a second) has run out, and re-sent with the same webhook-id.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from 'undici';
import { config, type RingsideConfig } from '../config';
import { errorFields, logger, type Logger } from '../log/logger';
import { processSingleton } from '../process-singleton';
import { getStore } from '../store';
import type { Store } from '../store/database';
import type { Destination } from './destination';
import { disableDestination, listDestinations } from './destination-store';
import { egressAgent } from './egress';
import { postOnce, type SendResult } from './http-send';
import { notificationSchema } from './notification';
import {
  claimDue,
  nextDueAt,
  pruneFinished,
  recordAttempt,
  releaseClaims,
  type AttemptRecord,
  type ClaimedDelivery,
} from './outbox-store';
import { renderBody } from './payloads';
import { backoffMs, verdictOf } from './retry-policy';
import { signatureHeaders } from './signing';
import { onEnqueued } from './wake';

export type NotifySettings = RingsideConfig['notify'];

/** Slack's incoming webhooks take about one message a second; bursts beyond that get 429s. */
export const SLACK_INTERVAL_MS = 1000;
/** Even with nothing due, look again this often (another process may have queued something). */
const IDLE_POLL_MS = 5000;
const PRUNE_EVERY_MS = 3_600_000;

export interface WorkerOptions {
  store: Store;
  settings?: NotifySettings;
  /** The console's address for links in payloads (auth.baseURL). */
  externalUrl?: string;
  log?: Logger;
}

interface InFlight {
  destinationId: string;
  controller: AbortController;
  done: Promise<void>;
}

export class DeliveryWorker {
  readonly id = randomUUID();
  private readonly store: Store;
  private readonly settings: NotifySettings;
  private readonly externalUrl: string;
  private readonly log: Logger;
  private readonly leaseMs: number;
  private readonly inFlight = new Map<number, InFlight>();
  private readonly perDestination = new Map<string, number>();
  /** A destination that said 429, or a Slack destination between messages, waits until then. */
  private readonly pausedUntil = new Map<string, number>();
  private agent: Agent | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private pumpQueued = false;
  private running = false;
  /** Set by a stop that imitates a crash: nothing more is written. */
  private abandoned = false;
  private rotation = 0;
  private lastPrune = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(options: WorkerOptions) {
    this.store = options.store;
    this.settings = options.settings ?? config().notify;
    this.externalUrl = options.externalUrl ?? config().auth.baseURL ?? '';
    this.log = options.log ?? logger('notify-delivery', { worker: this.id });
    this.leaseMs = 2 * this.settings.attemptTimeoutMs + 1000;
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    this.abandoned = false;
    this.agent = egressAgent(this.settings, this.settings.attemptTimeoutMs);
    this.unsubscribe = onEnqueued(() => this.wake());
    this.wake();
    return this;
  }

  /** Look for due deliveries soon (after the current task: several wakes make one pass). */
  wake(): void {
    if (this.pumpQueued || !this.running) return;
    this.pumpQueued = true;
    setImmediate(() => this.pump());
  }

  /**
   * Stops claiming and aborts what is in flight. `release` (the default) hands those claims back at once;
   * `release: false` writes nothing more, as a crash would, leaving them to the lease.
   */
  async stop({ release = true }: { release?: boolean } = {}): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abandoned = !release;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pending = [...this.inFlight.entries()];
    for (const [, flight] of pending) flight.controller.abort();
    await Promise.allSettled(pending.map(([, flight]) => flight.done));
    if (release && pending.length)
      releaseClaims(
        this.store,
        pending.map(([id]) => id),
      );
    await this.agent?.destroy();
    this.agent = null;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  private slotsFor(destination: Destination): number {
    return destination.kind === 'slack' ? 1 : this.settings.perDestinationConcurrency;
  }

  private pump(): void {
    this.pumpQueued = false;
    if (!this.running) return;
    const now = Date.now();
    try {
      const destinations = listDestinations(this.store).filter((d) => d.enabled);
      // Start with a different destination each pass, so none is always served last.
      const start = destinations.length ? this.rotation++ % destinations.length : 0;
      for (const destination of [...destinations.slice(start), ...destinations.slice(0, start)]) {
        const overall = this.settings.concurrency - this.inFlight.size;
        if (overall <= 0) break;
        const free = Math.min(overall, this.slotsFor(destination) - (this.perDestination.get(destination.id) ?? 0));
        if (free <= 0) continue;
        const paused = this.pausedUntil.get(destination.id) ?? 0;
        if (paused > now) {
          this.armTimer(paused);
          continue;
        }
        const claimed = claimDue(this.store, {
          destinationId: destination.id,
          now,
          claimedBefore: now - this.leaseMs,
          limit: free,
          workerId: this.id,
        });
        for (const delivery of claimed) this.begin(destination, delivery);
      }
      this.pruneNowAndThen(now);
      const next = nextDueAt(this.store, this.leaseMs);
      // Due already but not claimable (its destination is busy, paused or off): a finishing send or a pause's own timer pumps again.
      this.armTimer(next !== null && next > now ? Math.min(next, now + IDLE_POLL_MS) : now + IDLE_POLL_MS);
    } catch (error) {
      this.log.error({ err: errorFields(error) }, `notification delivery pass failed: ${(error as Error).message}`);
      this.armTimer(now + IDLE_POLL_MS);
    }
  }

  private armTimer(at: number): void {
    if (!this.running || (this.timer && this.timerAt <= at)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.wake();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref();
  }

  private pruneNowAndThen(now: number): void {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const removed = pruneFinished(this.store, now - this.settings.retentionDays * 86_400_000);
    if (removed) this.log.info({ removed }, `pruned ${removed} finished deliveries`);
  }

  private begin(destination: Destination, delivery: ClaimedDelivery): void {
    const controller = new AbortController();
    this.perDestination.set(destination.id, (this.perDestination.get(destination.id) ?? 0) + 1);
    if (destination.kind === 'slack') this.pausedUntil.set(destination.id, Date.now() + SLACK_INTERVAL_MS);
    const done = this.attempt(destination, delivery, controller.signal)
      .catch((error: unknown) =>
        this.log.error(
          { err: errorFields(error), deliveryId: delivery.id, destinationId: destination.id },
          `recording delivery ${delivery.id} failed; its claim will expire and it will be sent again: ${(error as Error).message}`,
        ),
      )
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.perDestination.set(destination.id, (this.perDestination.get(destination.id) ?? 1) - 1);
        this.wake();
      });
    this.inFlight.set(delivery.id, { destinationId: destination.id, controller, done });
  }

  /** The exact request for this attempt: the body (the same every time) and, for a webhook, this attempt's signature. */
  private prepare(destination: Destination, delivery: ClaimedDelivery, at: number) {
    const notification = notificationSchema.parse(JSON.parse(delivery.body));
    const body = renderBody(destination, notification, { externalUrl: this.externalUrl });
    const headers =
      destination.kind === 'webhook'
        ? signatureHeaders(notification.id, destination.secrets, body, new Date(at))
        : { 'webhook-id': notification.id };
    return { body, headers };
  }

  private async attempt(destination: Destination, delivery: ClaimedDelivery, signal: AbortSignal): Promise<void> {
    const startedAt = Date.now();
    let request: { body: string; headers: Record<string, string> };
    try {
      request = this.prepare(destination, delivery, startedAt);
    } catch (error) {
      // Never sendable as stored: failed now, rather than claimed again every lease.
      const message = `the request could not be prepared: ${(error as Error).message}`;
      this.settle(destination, delivery, startedAt, { kind: 'error', reason: 'unsendable', message, latencyMs: 0 });
      return;
    }
    const { body, headers } = request;
    const result = await postOnce({
      url: destination.url,
      headers,
      body,
      dispatcher: this.agent!,
      policy: this.settings,
      timeoutMs: this.settings.attemptTimeoutMs,
      signal,
    });
    // Stopping: an aborted attempt is handed back (or, after a "crash", left to its lease).
    if (this.abandoned || (result.kind === 'error' && result.reason === 'aborted')) return;
    this.settle(destination, delivery, startedAt, result);
  }

  /** Records the attempt and moves the delivery on; logs every failure (without URLs or secrets). */
  private settle(destination: Destination, delivery: ClaimedDelivery, startedAt: number, result: SendResult): void {
    const now = Date.now();
    const verdict = verdictOf(result, now);
    const attempt: Omit<AttemptRecord, 'outcome'> = {
      deliveryId: delivery.id,
      attempt: delivery.attempts,
      startedAt,
      latencyMs: result.latencyMs,
      status: result.kind === 'response' ? result.status : null,
      error: verdict.kind === 'delivered' ? null : verdict.reason,
      response: result.kind === 'response' && result.excerpt ? result.excerpt : null,
    };
    const context = {
      deliveryId: delivery.id,
      notificationId: delivery.notificationId,
      destinationId: destination.id,
      destination: destination.name,
      kind: destination.kind,
      attempt: delivery.attempts,
      status: attempt.status,
    };
    if (verdict.kind === 'delivered') {
      recordAttempt(this.store, { ...attempt, outcome: 'delivered' }, { state: 'delivered', finishedAt: now });
      return;
    }
    if (verdict.kind === 'failed') {
      this.store.transaction(() => {
        recordAttempt(
          this.store,
          { ...attempt, outcome: verdict.disable ? 'disabled' : 'failed' },
          { state: 'failed', finishedAt: now },
        );
        if (verdict.disable) disableDestination(this.store, destination.id, verdict.reason, now);
      })();
      if (verdict.disable) this.log.warn(context, `destination "${destination.name}" disabled: ${verdict.reason}`);
      else this.log.warn(context, `delivery ${delivery.id} failed, not retried: ${verdict.reason}`);
      return;
    }
    const delay =
      verdict.retryAfterMs ?? backoffMs(delivery.retries, this.settings.backoffBaseMs, this.settings.backoffMaxMs);
    if (verdict.retryAfterMs !== null) this.pausedUntil.set(destination.id, now + verdict.retryAfterMs);
    const nextAttemptAt = now + delay;
    if (nextAttemptAt > delivery.queuedAt + this.settings.giveUpAfterHours * 3_600_000) {
      recordAttempt(this.store, { ...attempt, outcome: 'dead' }, { state: 'dead', finishedAt: now });
      this.log.error(
        context,
        `delivery ${delivery.id} given up after ${delivery.attempts} attempts over ${this.settings.giveUpAfterHours} h: ${verdict.reason}`,
      );
      return;
    }
    recordAttempt(this.store, { ...attempt, outcome: 'retry' }, { state: 'queued', nextAttemptAt });
    this.log.info({ ...context, retryInMs: delay }, `delivery ${delivery.id} will be retried: ${verdict.reason}`);
    this.armTimer(nextAttemptAt);
  }
}

/** This process's worker, started once (server start-up calls it); stopped in good order on SIGINT/SIGTERM. */
export function startDeliveryWorker(): DeliveryWorker {
  return processSingleton('notify-delivery-worker', () => {
    const worker = new DeliveryWorker({ store: getStore() }).start();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void worker.stop());
    return worker;
  });
}
