/**
 * Delivery semantics against real receivers on 127.0.0.1: retries with the same webhook-id, Retry-After,
 * 410, 4xx, time-outs, redirects, the egress guard, and a worker that dies mid-delivery.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { deliveriesOf, firing, freshStore, LOOPBACK_ONLY, startWorker } from '@/testing/notify-fixture';
import { useTemporaryConfig } from '@/testing/unit-config';
import { startReceiver, waitFor, type Answer, type ReceivedRequest, type Receiver } from '@/testing/webhook-receiver';
import type { Store } from '../store/database';
import type { DeliveryWorker, NotifySettings } from './delivery-worker';
import { getDestination } from './destination-store';
import { createDestination } from './destinations';
import { enqueueNotification } from './notification';

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1', metrics: { enabled: false } }],
    // Long enough that a busy machine never times out a receiver that answers; the hang test sets its own.
    notify: { allowLoopback: true, attemptTimeoutMs: 5000, backoffBaseMs: 20, backoffMaxMs: 100 },
  });
});

const open: { receivers: Receiver[]; workers: DeliveryWorker[] } = { receivers: [], workers: [] };
afterEach(async () => {
  await Promise.all(open.workers.splice(0).map((w) => w.stop()));
  await Promise.all(open.receivers.splice(0).map((r) => r.close()));
});

/** A store with one webhook destination at a receiver answering `answer`, and a worker on it. */
async function scenario(answer: (request: ReceivedRequest) => Answer, settings: Partial<NotifySettings> = {}) {
  const store = freshStore();
  const receiver = await startReceiver(answer);
  open.receivers.push(receiver);
  const { destination, secret } = createDestination(
    store,
    { kind: 'webhook', name: 'receiver', url: receiver.url },
    LOOPBACK_ONLY,
  );
  const worker = startWorker(store, settings);
  open.workers.push(worker);
  const verify = (request: ReceivedRequest) => new Webhook(secret!).verify(request.body, receiver.headersOf(request));
  return { store, receiver, destinationId: destination.id, worker, verify };
}

const stateOf = (store: Store, destinationId: string) => deliveriesOf(store, destinationId)[0]?.state;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('delivery worker', () => {
  it('retries a 500 and delivers once, with the same webhook-id and a valid signature each time', async () => {
    const s = await scenario((q) => (q.n === 1 ? { status: 500, body: 'rollup_error' } : { status: 200 }));
    const sent = firing();
    enqueueNotification(s.store, sent);
    await waitFor('delivered', () => stateOf(s.store, s.destinationId) === 'delivered');
    expect(s.receiver.requests.map((q) => q.webhookId)).toEqual([sent.id, sent.id]);
    s.receiver.requests.forEach((q) => expect(s.verify(q)).toBeTruthy());
    expect([...s.receiver.processed]).toEqual([sent.id]);
    expect(s.receiver.duplicates()).toBe(0);
    const [delivery] = deliveriesOf(s.store, s.destinationId);
    expect(delivery!.history.map((a) => [a.attempt, a.outcome, a.status])).toEqual([
      [2, 'delivered', 200],
      [1, 'retry', 500],
    ]);
    expect(delivery!.history[1]!.response).toBe('rollup_error');
    await sleep(200);
    expect(s.receiver.requests).toHaveLength(2);
  });

  it('waits as long as a 429 Retry-After says (not the tiny backoff)', async () => {
    const s = await scenario((q) => (q.n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }));
    enqueueNotification(s.store, firing());
    await waitFor('delivered', () => stateOf(s.store, s.destinationId) === 'delivered', 4000);
    const [first, second] = s.receiver.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(second!.webhookId).toBe(first!.webhookId);
  });

  it('a 410 fails the delivery and disables the destination, with the reason', async () => {
    const s = await scenario(() => ({ status: 410, body: 'channel_is_archived' }));
    enqueueNotification(s.store, firing());
    await waitFor('failed', () => stateOf(s.store, s.destinationId) === 'failed');
    const destination = getDestination(s.store, s.destinationId)!;
    expect(destination.enabled).toBe(false);
    expect(destination.disabledReason).toMatch(/410 Gone/);
    expect(deliveriesOf(s.store, s.destinationId)[0]!.history[0]).toMatchObject({ outcome: 'disabled', status: 410 });
    // Nothing more is queued for it.
    enqueueNotification(s.store, firing());
    expect(deliveriesOf(s.store, s.destinationId)).toHaveLength(1);
    expect(s.receiver.requests).toHaveLength(1);
  });

  it('a 400 fails the delivery without a retry', async () => {
    const s = await scenario(() => ({ status: 400, body: 'invalid_payload' }));
    enqueueNotification(s.store, firing());
    await waitFor('failed', () => stateOf(s.store, s.destinationId) === 'failed');
    await sleep(300);
    expect(s.receiver.requests).toHaveLength(1);
    expect(deliveriesOf(s.store, s.destinationId)[0]).toMatchObject({
      attempts: 1,
      lastStatus: 400,
      lastResponse: 'invalid_payload',
    });
    expect(getDestination(s.store, s.destinationId)!.enabled).toBe(true);
  });

  it('abandons an attempt that hangs past the time-out and retries it', async () => {
    const s = await scenario((q) => (q.n === 1 ? 'hang' : { status: 204 }), { attemptTimeoutMs: 300 });
    const sent = firing();
    enqueueNotification(s.store, sent);
    await waitFor('delivered', () => stateOf(s.store, s.destinationId) === 'delivered');
    const [delivery] = deliveriesOf(s.store, s.destinationId);
    const first = delivery!.history.at(-1)!;
    expect(first).toMatchObject({ attempt: 1, outcome: 'retry', status: null, error: 'no answer within 300 ms' });
    expect(first.latencyMs).toBeGreaterThanOrEqual(290);
    expect(delivery!.history[0]).toMatchObject({ outcome: 'delivered', status: 204 });
    expect(new Set(s.receiver.requests.map((q) => q.webhookId))).toEqual(new Set([sent.id]));
  });

  it('never follows a redirect: a 3xx is a failed attempt, recorded', async () => {
    // A redirect to itself: followed, it would loop.
    const s = await scenario((q) => ({ status: 307, headers: { location: q.path } }));
    enqueueNotification(s.store, firing());
    await waitFor('failed', () => stateOf(s.store, s.destinationId) === 'failed');
    await sleep(200);
    expect(s.receiver.requests).toHaveLength(1);
    const [delivery] = deliveriesOf(s.store, s.destinationId);
    expect(delivery).toMatchObject({ lastStatus: 307, attempts: 1 });
    expect(delivery!.lastError).toMatch(/HTTP 307: redirect to \/hook not followed/);
  });

  it('gives up (dead) once the next retry would fall past giveUpAfterHours', async () => {
    const s = await scenario(() => ({ status: 503 }), { giveUpAfterHours: 0.0001 }); // 360 ms
    enqueueNotification(s.store, firing());
    await waitFor('dead', () => stateOf(s.store, s.destinationId) === 'dead', 3000);
    const [delivery] = deliveriesOf(s.store, s.destinationId);
    expect(delivery!.history[0]!.outcome).toBe('dead');
    expect(delivery!.attempts).toBeGreaterThan(1);
  });

  it('fails a delivery whose stored notification cannot be rendered, rather than claiming it again and again', async () => {
    const s = await scenario(() => ({ status: 200 }));
    const sent = firing();
    enqueueNotification(s.store, sent);
    // Before the worker's pass (it runs after this task): what a hand-edited or damaged store might hold.
    s.store.prepare('UPDATE notify_notifications SET body = ? WHERE id = ?').run('{"id": 1}', sent.id);
    await waitFor('failed', () => stateOf(s.store, s.destinationId) === 'failed');
    expect(deliveriesOf(s.store, s.destinationId)[0]!.lastError).toMatch(/could not be prepared/);
    expect(s.receiver.requests).toHaveLength(0);
  });

  it('refuses a loopback receiver unless notify.allowLoopback, by address and by name', async () => {
    const s = await scenario(() => ({ status: 200 }), { allowLoopback: false });
    enqueueNotification(s.store, firing());
    await waitFor('failed', () => stateOf(s.store, s.destinationId) === 'failed');
    expect(deliveriesOf(s.store, s.destinationId)[0]!.lastError).toMatch(/127\.0\.0\.1 is a loopback address/);

    // By name: the connection's own lookup resolves `localhost` and refuses every loopback answer.
    const byName = await scenario(() => ({ status: 200 }), { allowLoopback: false });
    const url = byName.receiver.url.replace('127.0.0.1', 'localhost');
    const { destination } = createDestination(byName.store, { kind: 'webhook', name: 'by name', url }, LOOPBACK_ONLY);
    enqueueNotification(byName.store, firing());
    await waitFor('failed', () => stateOf(byName.store, destination.id) === 'failed');
    expect(deliveriesOf(byName.store, destination.id)[0]!.lastError).toMatch(/localhost resolves to .* loopback/);
    expect(s.receiver.requests).toHaveLength(0);
    expect(byName.receiver.requests).toHaveLength(0);
  });

  it('after a crash mid-delivery, a new worker on the same store re-sends with the same webhook-id; the receiver processes it once', async () => {
    const s = await scenario((q) => (q.n === 1 ? 'hang' : { status: 200 }), { attemptTimeoutMs: 1500 });
    const sent = firing();
    enqueueNotification(s.store, sent);
    await waitFor('the first request', () => s.receiver.requests.length === 1);
    await s.worker.stop({ release: false }); // as a crash: the delivery stays claimed
    expect(stateOf(s.store, s.destinationId)).toBe('delivering');

    const restarted = startWorker(s.store, { attemptTimeoutMs: 1500 });
    open.workers.push(restarted);
    // The dead worker's lease (2 × 1.5 s + 1 s) runs out, then the new worker claims it.
    await waitFor('delivered', () => stateOf(s.store, s.destinationId) === 'delivered', 10_000);
    expect(s.receiver.requests.map((q) => q.webhookId)).toEqual([sent.id, sent.id]);
    s.receiver.requests.forEach((q) => expect(s.verify(q)).toBeTruthy());
    expect([...s.receiver.processed]).toEqual([sent.id]);
    expect(s.receiver.duplicates()).toBe(0);
    const [delivery] = deliveriesOf(s.store, s.destinationId);
    expect(delivery!.history.map((a) => a.outcome)).toEqual(['delivered', 'interrupted']);
  }, 15_000);

  it('a slow destination does not hold up another', async () => {
    const s = await scenario(() => 'hang', { perDestinationConcurrency: 2 });
    const fast = await startReceiver();
    open.receivers.push(fast);
    createDestination(s.store, { kind: 'webhook', name: 'fast', url: fast.url }, LOOPBACK_ONLY);
    for (let i = 0; i < 6; i++) enqueueNotification(s.store, firing());
    await waitFor('all six at the fast receiver', () => fast.requests.length === 6, 4000);
    expect(s.receiver.requests.length).toBeLessThanOrEqual(2);
  });
});
