/**
 * enqueueNotification inside the caller's transaction: everything or nothing, filters applied,
 * idempotent per id, and the worker woken only after the caller's work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { firing, freshStore, LOOPBACK_ONLY } from '@/testing/notify-fixture';
import { useTemporaryConfig } from '@/testing/unit-config';
import { createDestination, sendTest, updateDestination } from './destinations';
import { enqueueNotification } from './notification';
import { deliveryCounts, getDelivery } from './outbox-store';
import { onEnqueued } from './wake';

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1', metrics: { enabled: false } }],
  });
});

const hook = (name: string, extra: Record<string, unknown> = {}) =>
  ({ kind: 'webhook', name, url: 'https://hooks.example.com/ringside', ...extra }) as const;

describe('enqueueNotification', () => {
  it('queues one delivery per enabled destination whose type and cluster filters accept it', () => {
    const store = freshStore();
    const all = createDestination(store, hook('all'), LOOPBACK_ONLY).destination;
    const prodOnly = createDestination(store, hook('prod only', { clusters: ['prod'] }), LOOPBACK_ONLY).destination;
    const stagingOnly = createDestination(store, hook('staging', { clusters: ['staging'] }), LOOPBACK_ONLY).destination;
    const resolvedOnly = createDestination(
      store,
      hook('resolved', { types: ['alert.resolved'] }),
      LOOPBACK_ONLY,
    ).destination;
    const off = createDestination(store, hook('off'), LOOPBACK_ONLY).destination;
    updateDestination(store, { id: off.id, enabled: false }, LOOPBACK_ONLY);

    enqueueNotification(store, firing());
    enqueueNotification(store, firing({ type: 'operation.repair_finished', alerts: [] }));
    enqueueNotification(store, firing({ type: 'test.ping' })); // not in the default alert.* / operation.*
    const counts = deliveryCounts(store);
    expect(counts.get(all.id)).toEqual({ queued: 2 });
    expect(counts.get(prodOnly.id)).toEqual({ queued: 2 });
    expect(counts.get(stagingOnly.id)).toBeUndefined();
    expect(counts.get(resolvedOnly.id)).toBeUndefined();
    expect(counts.get(off.id)).toBeUndefined();
  });

  it('commits with the caller, rolls back with the caller, and wakes the worker only afterwards', async () => {
    const store = freshStore();
    const d = createDestination(store, hook('all'), LOOPBACK_ONLY).destination;
    let wakes = 0;
    let queuedWhenWoken = -1;
    const stop = onEnqueued(() => {
      wakes++;
      queuedWhenWoken = deliveryCounts(store).get(d.id)?.queued ?? 0;
    });
    try {
      store.exec('CREATE TABLE incidents (id TEXT PRIMARY KEY)');
      const fire = store.transaction((fail: boolean) => {
        store.prepare('INSERT INTO incidents (id) VALUES (?)').run(`i-${Math.random()}`);
        enqueueNotification(store, firing());
        expect(wakes).toBe(0); // nothing is woken inside the transaction
        if (fail) throw new Error('the engine changed its mind');
      });
      expect(() => fire(true)).toThrow(/changed its mind/);
      expect(deliveryCounts(store).get(d.id)).toBeUndefined();
      expect(store.prepare('SELECT COUNT(*) AS n FROM notify_notifications').get()).toEqual({ n: 0 });
      fire(false);
      await Promise.resolve();
      expect(wakes).toBeGreaterThanOrEqual(1);
      expect(queuedWhenWoken).toBe(1);
    } finally {
      stop();
    }
  });

  it('refuses an invalid notification (rolling the caller back) and ignores an id already queued', () => {
    const store = freshStore();
    const d = createDestination(store, hook('all'), LOOPBACK_ONLY).destination;
    expect(() => enqueueNotification(store, firing({ type: 'NodeDown' }))).toThrow(/type/);
    expect(() => enqueueNotification(store, firing({ summary: 'x'.repeat(1025) }))).toThrow(/summary/);
    const once = firing();
    enqueueNotification(store, once);
    enqueueNotification(store, once);
    expect(deliveryCounts(store).get(d.id)).toEqual({ queued: 1 });
  });

  it('sends a test ping to the one destination asked, whatever its filters', () => {
    const store = freshStore();
    const a = createDestination(store, hook('a', { types: ['alert.resolved'] }), LOOPBACK_ONLY).destination;
    const b = createDestination(store, hook('b'), LOOPBACK_ONLY).destination;
    const { notificationId } = sendTest(store, a.id);
    expect(deliveryCounts(store).get(a.id)).toEqual({ queued: 1 });
    expect(deliveryCounts(store).get(b.id)).toBeUndefined();
    expect(getDelivery(store, 1)).toMatchObject({ notificationId, type: 'test.ping', destinationId: a.id });
  });
});
