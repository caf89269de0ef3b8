/**
 * Alerts end to end, as the console administrator: a webhook destination and a rule made in the UI, a
 * real receiver on 127.0.0.1 that checks every signature, node 3 killed (paged once, listed in the
 * destination's deliveries, marked in the node table), silenced from its incident, restarted, killed
 * again (no page while silenced; one page once the silence ends), restarted. Node 3 is started again,
 * and the destination and rule deleted, however the test ends.
 */
import { expect, test, type Page } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { runClusterAsync, waitFor } from '@/localcluster/harness';
import { parseNodetoolStatus } from '@/localcluster/nodetool-status';
import { startReceiver, type ReceivedRequest } from '@/testing/webhook-receiver';
import { AlertsPage, DestinationsPage } from './pages/alerts-page';
import { ClusterPage } from './pages/cluster-page';

test.describe.configure({ mode: 'serial' });

const NODE3 = '127.0.0.3';
const RULE = { id: 'e2e-node-down', name: 'E2E node down', kind: 'node-down', severity: 'error' } as const;
/** Long enough for a page that was going to be sent to arrive: evaluation is at most a second behind a probe. */
const QUIET_MS = 15_000;

/** A ringside-v1 body, as far as this test reads it. */
interface RingsideV1 {
  type: string;
  data: {
    alerts: { labels: Record<string, string> }[];
    data: { incident?: { id: string; title: string } };
  };
}

interface Verified {
  webhookId: string;
  type: string;
  nodes: string[];
  incidentId: string | null;
}

/** nodetool on node 1 without blocking this process (the receiver answers from it). */
async function node3Status(): Promise<string | undefined> {
  const rows = parseNodetoolStatus(await runClusterAsync(['--name', 'demo', 'nodetool', '1', 'status'], 120_000));
  const row = rows.find((r) => r.address === NODE3);
  return row ? `${row.status[0]}${row.state[0]}` : undefined;
}

async function waitForUN(): Promise<void> {
  await waitFor(
    'nodetool status to say UN for node 3',
    async () => ((await node3Status()) === 'UN' ? true : undefined),
    180_000,
    2000,
  );
}

test('a node killed pages once through a signed webhook; silenced, it pages no one until the silence ends', async ({
  page,
  context,
}) => {
  test.setTimeout(600_000);
  const runId = Date.now().toString(36);
  const destinationName = `e2e alerts ${runId}`;
  const silenceComment = `e2e: node 3 is restarted on purpose (${runId})`;

  // The receiver verifies each request as it arrives; one it cannot verify is answered 401 and counted.
  let secret: string | null = null;
  const verified = new Map<string, Verified>();
  const unverified: string[] = [];
  const receiver = await startReceiver((request: ReceivedRequest) => {
    try {
      if (!secret) throw new Error('no secret yet');
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const body = new Webhook(secret).verify(request.body, headers) as RingsideV1;
      verified.set(request.webhookId ?? `#${request.n}`, {
        webhookId: request.webhookId ?? '',
        type: body.type,
        nodes: body.data.alerts.map((a) => a.labels.node ?? ''),
        incidentId: body.data.data.incident?.id ?? null,
      });
      return { status: 200, body: 'ok' };
    } catch (error) {
      unverified.push(`request ${request.n}: ${(error as Error).message}`);
      return { status: 401, body: 'signature not verified' };
    }
  });
  // Each notification once, however often it was delivered (a retry keeps its webhook-id).
  const received = (type: string) =>
    [...verified.values()].filter((v) => v.type === type && (type === 'test.ping' || v.nodes.includes(NODE3)));

  const alerts = new AlertsPage(page);
  const destinations = new DestinationsPage(await context.newPage());
  const nodes = new ClusterPage(await context.newPage());
  let node3Killed = false;
  let untidy: string[] = [];
  try {
    // Node 3 is healthy to begin with, and nothing about it fires.
    await expect.poll(node3Status, { timeout: 120_000, intervals: [2000] }).toBe('UN');

    // A webhook destination for this cluster, its secret read off the page; a test ping proves the signing.
    await alerts.open();
    await expect(alerts.destinationsLink()).toHaveAttribute('href', '/admin/destinations');
    await destinations.open();
    secret = await destinations.addWebhook({ name: destinationName, url: receiver.url, clusters: 'demo' });
    expect(secret).toMatch(/^whsec_/);
    await expect(destinations.row(destinationName).getByTestId('destination-state')).toHaveText('enabled');
    await destinations.sendTest(destinationName);
    await expect.poll(() => received('test.ping').length, { timeout: 30_000 }).toBe(1);
    await destinations.showDeliveries(destinationName);
    await expect(destinations.deliveries('test.ping').getByTestId('delivery-state')).toHaveText('delivered');
    await expect(destinations.deliveries('test.ping').getByTestId('delivery-status')).toHaveText('200');
    await expect(destinations.deliveries('test.ping').getByTestId('delivery-response')).toHaveText('ok');
    // A replay sends the same notification again, under the same webhook-id.
    const pings = receiver.requests.filter((r) => verified.get(r.webhookId ?? '')?.type === 'test.ping').length;
    await destinations.deliveries('test.ping').getByTestId('delivery-replay').click();
    await expect
      .poll(() => receiver.requests.filter((r) => verified.get(r.webhookId ?? '')?.type === 'test.ping').length, {
        timeout: 30_000,
      })
      .toBe(pings + 1);
    expect(received('test.ping')).toHaveLength(1);

    // A rule of our own, beside the starter rules.
    await alerts.open();
    await alerts.addRule(RULE);
    await expect(alerts.rule(RULE.id).getByTestId('rule-source')).toHaveText('ui');
    await expect(alerts.incidentsOn(NODE3)).toHaveCount(0, { timeout: 60_000 });
    await expect(alerts.answersCql(NODE3)).toHaveText('yes');

    // Kill node 3: the incident shows live, names the node, and lists our rule among its alerts.
    await runClusterAsync(['kill', '3']);
    node3Killed = true;
    const incident = alerts.incidentsOn(NODE3);
    await expect(incident).toHaveCount(1, { timeout: 30_000 });
    await expect(alerts.title(incident)).toContainText(NODE3);
    await expect(alerts.member(NODE3, RULE.name).getByTestId('member-state')).toHaveText('firing', {
      timeout: 30_000,
    });
    await expect(alerts.answersCql(NODE3)).toHaveText('no');

    // The node table marks it, beside Cassandra's own verdict.
    await nodes.open();
    await expect(nodes.nodeRow(NODE3).getByTestId(`node-alert-${NODE3}`)).toBeVisible();
    await expect(nodes.ringAlert(NODE3)).toBeVisible();
    await expect(nodes.nodeRow(NODE3).getByTestId(`node-not-answering-${NODE3}`)).toBeVisible();
    await expect(nodes.status(NODE3)).toHaveText('Down');

    // Exactly one page for it, however many of its alerts joined afterwards.
    await expect.poll(() => received('alert.firing').length, { timeout: 30_000 }).toBe(1);
    const firstIncidentId = received('alert.firing')[0]!.incidentId;
    await page.waitForTimeout(5_000);
    expect(received('alert.firing')).toHaveLength(1);
    await expect(alerts.opened(incident)).toContainText('· notified');

    // …listed in the destination's deliveries.
    await destinations.open();
    await destinations.showDeliveries(destinationName);
    // (Newest first; the receiver's count above is the exact one, this list has no node to filter by.)
    const firingDelivery = destinations.deliveries('alert.firing').first();
    await expect(firingDelivery.getByTestId('delivery-state')).toHaveText('delivered');
    await expect(firingDelivery.getByTestId('delivery-status')).toHaveText('200');

    // Silence node 3 from its incident: the form starts at node = 127.0.0.3.
    await alerts.openSilenceFormFor(NODE3, RULE.name);
    expect(await alerts.firstMatcher()).toEqual(['node', '=', NODE3]);
    await alerts.makeSilence(silenceComment);
    await expect(alerts.silenceState(silenceComment)).toHaveText('active');
    await expect(alerts.silenceMatchers(silenceComment)).toHaveText(`cluster = "demo", node = "${NODE3}"`);
    await expect(alerts.member(NODE3, RULE.name).getByTestId('member-silenced')).toHaveText(
      `silenced by ${silenceComment}`,
    );

    // Restart it: the incident ends (and, having paged, says so once).
    await runClusterAsync(['start', '3']);
    node3Killed = false;
    await expect(alerts.incidentsOn(NODE3)).toHaveCount(0, { timeout: 120_000 });
    await waitForUN();
    await expect.poll(() => received('alert.resolved').length, { timeout: 30_000 }).toBe(1);
    expect(received('alert.resolved')[0]!.incidentId).toBe(firstIncidentId);
    await expect(nodes.nodeRow(NODE3).getByTestId(`node-alert-${NODE3}`)).toHaveCount(0);

    // Kill it again under the silence: the incident shows, silenced, and nobody is paged.
    await runClusterAsync(['kill', '3']);
    node3Killed = true;
    await expect(alerts.incidentsOn(NODE3)).toHaveCount(1, { timeout: 30_000 });
    await expect(alerts.member(NODE3, RULE.name).getByTestId('member-silenced')).toHaveText(
      `silenced by ${silenceComment}`,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(QUIET_MS);
    expect(received('alert.firing')).toHaveLength(1);
    await expect(alerts.opened(alerts.incidentsOn(NODE3))).toContainText('not notified');

    // End the silence while node 3 is still down: the incident pages now, once.
    await alerts.endSilence(silenceComment);
    await expect(alerts.silenceState(silenceComment)).toHaveText('expired', { timeout: 30_000 });
    await expect.poll(() => received('alert.firing').length, { timeout: 30_000 }).toBe(2);
    expect(received('alert.firing')[1]!.incidentId).not.toBe(firstIncidentId);

    // Leave the cluster as it was found.
    await runClusterAsync(['start', '3']);
    node3Killed = false;
    await expect(alerts.incidentsOn(NODE3)).toHaveCount(0, { timeout: 120_000 });
    await waitForUN();
    await expect.poll(() => received('alert.resolved').length, { timeout: 30_000 }).toBe(2);
    expect(unverified).toEqual([]);
  } finally {
    // Node 3 first: everything after it is only tidying. `start` does nothing to a running node.
    if (node3Killed) {
      await runClusterAsync(['start', '3']);
      await waitForUN().catch((error: Error) => console.warn(`node 3 after the alerts test: ${error.message}`));
    }
    // Each open cluster page holds two event streams, and Chromium allows six connections to a host:
    // with the test's pages still open, the tidy-up's own requests would wait for a free one forever.
    for (const open of context.pages()) await open.close();
    untidy = await tidy(await context.newPage(), destinationName, silenceComment);
    await receiver.close();
  }
  // Reached only when the test passed: a failure to tidy up must not hide why it failed.
  expect(untidy, 'what the test could not remove').toEqual([]);
});

/**
 * Ends and deletes what the test made, each part on its own so one failure does not keep the others;
 * returns what could not be removed (and says so on the console).
 */
async function tidy(page: Page, destinationName: string, silenceComment: string): Promise<string[]> {
  const failures: string[] = [];
  const destinations = new DestinationsPage(page);
  try {
    await destinations.open();
    if ((await destinations.row(destinationName).count()) > 0) await destinations.delete(destinationName);
  } catch (error) {
    failures.push(`destination ${destinationName}: ${(error as Error).message}`);
  }
  const alerts = new AlertsPage(page);
  try {
    await alerts.open();
    const endNow = alerts.silence(silenceComment).getByTestId('silence-end-now');
    if ((await endNow.count()) > 0) await endNow.click();
  } catch (error) {
    failures.push(`silence "${silenceComment}": ${(error as Error).message}`);
  }
  try {
    await alerts.rulesTable().waitFor({ timeout: 30_000 });
    if ((await alerts.rule(RULE.id).getByTestId('rule-delete').count()) > 0) await alerts.deleteRule(RULE.id);
  } catch (error) {
    failures.push(`rule ${RULE.id}: ${(error as Error).message}`);
  }
  for (const failure of failures) console.warn(`not tidied up after the alerts test: ${failure}`);
  return failures;
}
