/**
 * Test and benchmark support for paging: the console's always-on half (testing/console-core.ts) on a
 * store and config of its own watching the demo cluster, one webhook destination pointing at a real
 * receiver on 127.0.0.1, and what that receiver got, each signature verified with standardwebhooks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { DEMO_JOLOKIA_CREDENTIALS } from '@/server/config';
import { createDestination } from '@/server/notify/destinations';
import { openStore } from '@/server/store/database';
import { startConsoleCore } from './console-process';
import { startReceiver, type Answer, type ReceivedRequest, type Receiver } from './webhook-receiver';

export interface Delivered {
  id: string;
  type: string;
  incidentId: string;
  title: string;
}

/** A console with its own store and config, one webhook destination to a receiver, and what arrived. */
export async function startPagingRig(alerts: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-alerts-int-'));
  const configFile = join(dir, 'config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      clusters: [
        {
          id: 'demo',
          contactPoints: ['127.0.0.1'],
          localDataCenter: 'dc1',
          pollIntervalMs: 1000,
          metrics: { enabled: false },
          jolokia: { credentialsFile: DEMO_JOLOKIA_CREDENTIALS },
        },
      ],
      dataDir: dir,
      notify: { allowLoopback: true, attemptTimeoutMs: 2000, backoffBaseMs: 300, backoffMaxMs: 2000 },
      alerts,
    }),
  );
  let answer: (request: ReceivedRequest) => Answer = () => ({ status: 200 });
  let receiver = await startReceiver((request) => answer(request));
  const store = openStore(dir);
  const { secret } = createDestination(
    store,
    { kind: 'webhook', name: 'test receiver', url: receiver.url },
    { allowLoopback: true, allowPrivateNetworks: false },
  );
  store.close();
  const webhook = new Webhook(secret!);
  const port = Number(new URL(receiver.url).port);
  const receivers: Receiver[] = [receiver];
  const state = {
    configFile,
    console: startConsoleCore(configFile),
    receiver: () => receiver,
    setAnswer: (next: (request: ReceivedRequest) => Answer) => (answer = next),
    /** Every 2xx-answered delivery, its signature verified, over every receiver this test had. */
    delivered(): Delivered[] {
      return receivers
        .flatMap((r) =>
          r.requests
            .filter((request) => request.webhookId && r.processed.has(request.webhookId))
            .map((request) => {
              const body = webhook.verify(request.body, r.headersOf(request)) as {
                type: string;
                data: { data: { incident: { id: string; title: string } } };
              };
              const incident = body.data.data.incident;
              return { id: request.webhookId!, type: body.type, incidentId: incident.id, title: incident.title };
            }),
        )
        .filter((d, i, all) => all.findIndex((e) => e.id === d.id) === i);
    },
    duplicates: () => receivers.reduce((sum, r) => sum + r.duplicates(), 0),
    async closeReceiver() {
      await receiver.close();
    },
    async reopenReceiver() {
      receiver = await startReceiver((request) => answer(request), port);
      receivers.push(receiver);
    },
    async tearDown() {
      await state.console.stop();
      await receiver.close();
    },
  };
  return state;
}
