/**
 * Test support for server/notify: a fresh store in a temporary folder, a delivery worker on it with the
 * test configuration's `notify` settings, sample notifications, and the delivery log of a destination.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config } from '@/server/config';
import { DeliveryWorker, type NotifySettings } from '@/server/notify/delivery-worker';
import type { NotificationInput } from '@/server/notify/notification';
import { listDeliveries } from '@/server/notify/outbox-store';
import { openStore, type Store } from '@/server/store/database';

export const LOOPBACK_ONLY = { allowLoopback: true, allowPrivateNetworks: false };

export function freshStore(): Store {
  return openStore(mkdtempSync(join(tmpdir(), 'ringside-notify-')));
}

export function startWorker(store: Store, settings: Partial<NotifySettings> = {}): DeliveryWorker {
  return new DeliveryWorker({
    store,
    settings: { ...config().notify, ...settings },
    externalUrl: 'https://ringside.test',
  }).start();
}

export function firing(overrides: Partial<NotificationInput> = {}): NotificationInput {
  const id = randomUUID();
  return {
    id,
    type: 'alert.firing',
    clusterId: 'prod',
    occurredAt: Date.parse('2026-03-01T10:00:00Z'),
    severity: 'critical',
    summary: 'Node 10.0.0.3 is down (seen down by 2 peers)',
    dedupKey: 'incident-42',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'NodeDown', cluster: 'prod', node: '10.0.0.3', dc: 'dc1' },
        annotations: { summary: 'Node 10.0.0.3 is down' },
        startsAt: Date.parse('2026-03-01T09:59:00Z'),
        endsAt: null,
        fingerprint: 'a1b2c3d4e5f60718',
      },
    ],
    data: { incident: { id: 'incident-42', muted: [] } },
    ...overrides,
  };
}

export function resolved(overrides: Partial<NotificationInput> = {}): NotificationInput {
  const base = firing();
  return {
    ...base,
    type: 'alert.resolved',
    severity: 'info',
    summary: 'Node 10.0.0.3 is up again',
    alerts: base.alerts!.map((a) => ({
      ...a,
      status: 'resolved' as const,
      endsAt: Date.parse('2026-03-01T10:05:00Z'),
    })),
    ...overrides,
  };
}

export function deliveriesOf(store: Store, destinationId: string) {
  return listDeliveries(store, { destinationId, limit: 100, attemptsEach: 50 });
}
