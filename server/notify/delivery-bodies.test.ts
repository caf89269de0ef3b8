/**
 * What each kind of destination receives, read by real HTTP receivers on 127.0.0.1: every webhook
 * signature checked with standardwebhooks' own `verify`, before and during a secret rotation.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { deliveriesOf, firing, freshStore, LOOPBACK_ONLY, resolved, startWorker } from '@/testing/notify-fixture';
import { useTemporaryConfig } from '@/testing/unit-config';
import { startReceiver, waitFor, type Receiver } from '@/testing/webhook-receiver';
import type { DeliveryWorker } from './delivery-worker';
import { createDestination, dropOldSecret, rotateSecret } from './destinations';
import { enqueueNotification } from './notification';

beforeAll(() => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.1'], localDataCenter: 'dc1', metrics: { enabled: false } }],
    notify: { allowLoopback: true, attemptTimeoutMs: 5000, backoffBaseMs: 20, backoffMaxMs: 100 },
  });
});

const open: { receivers: Receiver[]; workers: DeliveryWorker[] } = { receivers: [], workers: [] };
afterEach(async () => {
  await Promise.all(open.workers.splice(0).map((w) => w.stop()));
  await Promise.all(open.receivers.splice(0).map((r) => r.close()));
});

async function receiver() {
  const r = await startReceiver();
  open.receivers.push(r);
  return r;
}

function worker(store: ReturnType<typeof freshStore>) {
  const w = startWorker(store);
  open.workers.push(w);
  return w;
}

describe('webhook destinations', () => {
  it('sends the ringside-v1 envelope, signed: webhook-id is the notification id, the signature verifies', async () => {
    const store = freshStore();
    const r = await receiver();
    const { destination, secret } = createDestination(
      store,
      { kind: 'webhook', name: 'ops', url: r.url },
      LOOPBACK_ONLY,
    );
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    worker(store);
    const sent = firing();
    enqueueNotification(store, sent);
    await waitFor('one request', () => r.requests.length === 1);
    const [request] = r.requests;
    expect(request!.webhookId).toBe(sent.id);
    expect(Number(request!.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    expect(request!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new Webhook(secret!).verify(request!.body, r.headersOf(request!));
    expect(verified).toEqual({
      type: 'alert.firing',
      timestamp: '2026-03-01T10:00:00.000Z',
      data: { ...sent, alerts: sent.alerts },
    });
    // A receiver holding another secret refuses it.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(request!.body, r.headersOf(request!)),
    ).toThrow(WebhookVerificationError);
    await waitFor('delivered', () => deliveriesOf(store, destination.id)[0]?.state === 'delivered');
    const [delivery] = deliveriesOf(store, destination.id);
    expect(delivery).toMatchObject({ attempts: 1, lastStatus: 200, notificationId: sent.id });
    expect(delivery!.history).toHaveLength(1);
    expect(delivery!.history[0]).toMatchObject({ attempt: 1, outcome: 'delivered', status: 200 });
  });

  it('signs with both secrets during a rotation, and with the new one alone once the old is dropped', async () => {
    const store = freshStore();
    const r = await receiver();
    const { destination, secret: oldSecret } = createDestination(
      store,
      { kind: 'webhook', name: 'rotating', url: r.url },
      LOOPBACK_ONLY,
    );
    const { secret: newSecret, destination: rotated } = rotateSecret(store, destination.id);
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.secretHint).toBe(`…${newSecret.slice(-4)}`);
    expect(rotated.oldSecretHint).toBe(`…${oldSecret!.slice(-4)}`);
    worker(store);

    enqueueNotification(store, firing());
    await waitFor('first request', () => r.requests.length === 1);
    const during = r.requests[0]!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [oldSecret!, newSecret])
      expect(new Webhook(secret).verify(during.body, r.headersOf(during))).toBeTruthy();

    dropOldSecret(store, destination.id);
    enqueueNotification(store, firing());
    await waitFor('second request', () => r.requests.length === 2);
    const after = r.requests[1]!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(new Webhook(newSecret).verify(after.body, r.headersOf(after))).toBeTruthy();
    expect(() => new Webhook(oldSecret!).verify(after.body, r.headersOf(after))).toThrow(/No matching signature/);
  });

  it('sends the Alertmanager v4 body when asked, still signed', async () => {
    const store = freshStore();
    const r = await receiver();
    const { secret } = createDestination(
      store,
      { kind: 'webhook', name: 'am-receiver', url: r.url, format: 'alertmanager-v4' },
      LOOPBACK_ONLY,
    );
    worker(store);
    const sent = resolved();
    enqueueNotification(store, sent);
    await waitFor('one request', () => r.requests.length === 1);
    const request = r.requests[0]!;
    const body = new Webhook(secret!).verify(request.body, r.headersOf(request));
    expect(body).toEqual({
      version: '4',
      groupKey: 'incident-42',
      truncatedAlerts: 0,
      status: 'resolved',
      receiver: 'am-receiver',
      groupLabels: { alertname: 'NodeDown', cluster: 'prod' },
      commonLabels: { alertname: 'NodeDown', cluster: 'prod', node: '10.0.0.3', dc: 'dc1' },
      commonAnnotations: { summary: 'Node 10.0.0.3 is down' },
      externalURL: 'https://ringside.test',
      alerts: [
        {
          status: 'resolved',
          labels: { alertname: 'NodeDown', cluster: 'prod', node: '10.0.0.3', dc: 'dc1' },
          annotations: { summary: 'Node 10.0.0.3 is down' },
          startsAt: '2026-03-01T09:59:00.000Z',
          endsAt: '2026-03-01T10:05:00.000Z',
          generatorURL: 'https://ringside.test',
          fingerprint: 'a1b2c3d4e5f60718',
        },
      ],
    });
  });
});

describe('Slack and PagerDuty destinations', () => {
  it('sends Slack text with a coloured attachment (firing danger, resolved good), markup escaped, a message a second', async () => {
    const store = freshStore();
    const r = await receiver();
    createDestination(store, { kind: 'slack', name: '#ops', credentials: { url: r.url } }, LOOPBACK_ONLY);
    worker(store);
    enqueueNotification(store, firing({ summary: 'Node <!channel> & co is down' }));
    enqueueNotification(store, resolved());
    await waitFor('two messages', () => r.requests.length === 2, 5000);
    const [first, second] = r.requests.map(
      (q) => JSON.parse(q.body) as { text: string; attachments: { color: string }[] },
    );
    expect(first!.text).toBe('[FIRING] prod: Node &lt;!channel&gt; &amp; co is down');
    expect(first!.attachments[0]!.color).toBe('danger');
    expect(second!.text).toBe('[RESOLVED] prod: Node 10.0.0.3 is up again');
    expect(second!.attachments[0]!.color).toBe('good');
    expect(r.requests[1]!.at - r.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('sends PagerDuty Events v2: trigger with the dedup key and payload, then resolve with the same key', async () => {
    const store = freshStore();
    const r = await receiver();
    const routingKey = 'R0123456789abcdef0123456789ABCDE';
    createDestination(
      store,
      { kind: 'pagerduty', name: 'on-call', url: r.url, credentials: { routingKey } },
      LOOPBACK_ONLY,
    );
    worker(store);
    const trigger = firing();
    enqueueNotification(store, trigger);
    await waitFor('trigger', () => r.requests.length === 1);
    enqueueNotification(store, resolved());
    await waitFor('resolve', () => r.requests.length === 2);
    expect(JSON.parse(r.requests[0]!.body)).toEqual({
      routing_key: routingKey,
      event_action: 'trigger',
      dedup_key: 'incident-42',
      payload: {
        summary: trigger.summary,
        source: 'prod/10.0.0.3',
        severity: 'critical',
        timestamp: '2026-03-01T10:00:00.000Z',
        group: 'prod',
        class: 'alert.firing',
        custom_details: { type: 'alert.firing', alerts: trigger.alerts, data: trigger.data },
      },
      client: 'Ringside',
      client_url: 'https://ringside.test',
    });
    expect(JSON.parse(r.requests[1]!.body)).toEqual({
      routing_key: routingKey,
      event_action: 'resolve',
      dedup_key: 'incident-42',
    });
  });
});
