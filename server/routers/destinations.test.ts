/**
 * The destinations router as an administrator uses it: secrets shown once and then only by their last
 * four characters, never in the audit log; rotation; a test ping; the delivery log and replay with the
 * same webhook-id, against a real receiver on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { ZodError } from 'zod';
import { sessionHeaders } from '@/testing/test-session';
import { startWorker } from '@/testing/notify-fixture';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';
import { startReceiver, waitFor, type Receiver } from '@/testing/webhook-receiver';
import { listAudit } from '../audit/audit-log';
import type { DeliveryWorker } from '../notify/delivery-worker';
import { getStore } from '../store';
import { createContext } from '../trpc';
import { createCaller } from './_app';

let receiver: Receiver;
let worker: DeliveryWorker;

beforeAll(async () => {
  useTemporaryConfig({
    clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1', metrics: { enabled: false } }],
    notify: { allowLoopback: true, attemptTimeoutMs: 5000, backoffBaseMs: 20, backoffMaxMs: 100 },
  });
  receiver = await startReceiver((q) => (q.n === 1 ? { status: 400, body: 'not yet' } : { status: 200 }));
  worker = startWorker(getStore());
});

afterAll(async () => {
  await worker.stop();
  await receiver.close();
});

const admin = async () =>
  createCaller(createContext({ headers: await sessionHeaders([{ cluster: '*', role: 'admin' }], 'notify') }));

type Api = Awaited<ReturnType<typeof admin>>;

/** The destination's delivery log once its newest delivery is in `state`. */
async function until(api: Api, id: string, state: string) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const log = await api.destinations.deliveries({ id });
    if (log[0]?.state === state) return log;
    if (Date.now() > deadline) throw new Error(`delivery still ${log[0]?.state}, not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('destinations router', () => {
  it('creates a webhook, shows its secret once, then only its last four characters', async () => {
    const api = await admin();
    const created = await api.destinations.create({ kind: 'webhook', name: 'ops hook', url: receiver.url });
    expect(created.secret).toMatch(/^whsec_/);
    const [listed] = (await api.destinations.list()).filter((d) => d.id === created.destination.id);
    expect(listed).toMatchObject({ name: 'ops hook', kind: 'webhook', secretHint: `…${created.secret!.slice(-4)}` });
    expect(JSON.stringify(await api.destinations.list())).not.toContain(created.secret!.slice(6, 20));
  });

  it('keeps Slack URLs and PagerDuty routing keys out of answers and out of the audit log', async () => {
    const api = await admin();
    const slackUrl = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXsecretpathZZ';
    const routingKey = 'R0123456789abcdef0123456789ABCDE';
    const slack = await api.destinations.create({ kind: 'slack', name: '#ops', credentials: { url: slackUrl } });
    const pd = await api.destinations.create({ kind: 'pagerduty', name: 'on-call', credentials: { routingKey } });
    expect(slack.destination.url).toBe('https://hooks.slack.com/…thZZ');
    expect(pd.destination).toMatchObject({ url: 'https://events.pagerduty.com/v2/enqueue', routingKeyHint: '…BCDE' });
    await api.destinations.update({ id: pd.destination.id, credentials: { routingKey: routingKey.toLowerCase() } });
    const rotated = await api.destinations.rotateSecret({
      id: (await api.destinations.list()).find((d) => d.kind === 'webhook')!.id,
    });
    const everything = JSON.stringify([await api.destinations.list(), listAudit({ limit: 1000 })]);
    for (const secret of ['secretpath', routingKey, routingKey.toLowerCase(), rotated.secret.slice(6, 20)])
      expect(everything).not.toContain(secret);
    const audited = listAudit({ action: 'destinations.create', limit: 10 });
    expect(audited.map((e) => e.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(audited.some((e) => e.params?.includes('"credentials":"[redacted]"'))).toBe(true);
  });

  it('names the field that is wrong, and refuses a private or credentialed URL', async () => {
    const api = await admin();
    const bad = await trpcErrorOf(api.destinations.create({ kind: 'webhook', name: 'x', url: 'ftp://example.com' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/url/);
    const metadata = await trpcErrorOf(
      api.destinations.create({ kind: 'webhook', name: 'x', url: 'http://169.254.169.254/latest/meta-data' }),
    );
    expect(metadata.message).toMatch(/url: .*link-local/);
    const key = await trpcErrorOf(
      api.destinations.create({ kind: 'pagerduty', name: 'x', credentials: { routingKey: 'short' } }),
    );
    // What the client is shown (the error formatter's zodError): the field's path and the rule.
    expect((key.cause as ZodError).issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'credentials.routingKey: must be the 32-character integration key',
    ]);
    const wrongKind = await trpcErrorOf(
      api.destinations.update({
        id: (await api.destinations.list()).find((d) => d.kind === 'slack')!.id,
        format: 'alertmanager-v4',
      }),
    );
    expect(wrongKind.message).toMatch(/format \(webhooks only\)/);
  });

  it('sends a test ping, logs each attempt, and replays a finished delivery with the same webhook-id', async () => {
    const api = await admin();
    const { destination, secret } = await api.destinations.create({
      kind: 'webhook',
      name: 'pinged',
      url: receiver.url,
    });
    const { notificationId } = await api.destinations.sendTest({ id: destination.id });
    await waitFor('the ping refused', () => receiver.requests.length === 1);
    let log = await until(api, destination.id, 'failed');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'test.ping', state: 'failed', lastStatus: 400, lastResponse: 'not yet' });

    const replayed = await api.destinations.replay({ deliveryId: log[0]!.id });
    expect(replayed.state).toBe('queued');
    await waitFor('the replay', () => receiver.requests.length === 2);
    const [first, second] = receiver.requests;
    expect(second!.webhookId).toBe(notificationId);
    expect(first!.webhookId).toBe(notificationId);
    expect(new Webhook(secret!).verify(second!.body, receiver.headersOf(second!))).toMatchObject({ type: 'test.ping' });
    log = await until(api, destination.id, 'delivered');
    expect(log[0]).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(log[0]!.history.map((a) => a.outcome)).toEqual(['delivered', 'failed']);
    const again = await trpcErrorOf(api.destinations.replay({ deliveryId: 999_999 }));
    expect(again.code).toBe('NOT_FOUND');

    await api.destinations.remove({ id: destination.id });
    expect((await api.destinations.list()).map((d) => d.id)).not.toContain(destination.id);
  });
});
