/**
 * The lock-down of the real cluster's Jolokia agents (docs/jolokia.md): what an attacker with network
 * access to port 8778 tries is refused, while every request the console makes still works. The
 * refusals go through raw fetch, as an attacker's would; the console's reads through its own client.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { basicAuth, readJolokiaCredentials } from '@/localcluster/jolokia-agent';
import { ClusterPaths, defaultClustersDir } from '@/localcluster/state';
import { TEST_CONFIG } from '@/testing/test-caller';
import { COLLECTOR_REQUESTS, TABLE_REQUESTS } from '../metrics/catalogue';
import { readNodeViews } from '../nodes/node-view';
import { JolokiaError } from './errors';
import { jolokiaBulk } from './jolokia';
import { jolokiaTarget } from './node-bulk';
import { closeAll, clusterConfig } from './registry';

process.env.RINGSIDE_CONFIG = TEST_CONFIG;
afterAll(closeAll);

const NODES = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
const paths = new ClusterPaths(join(defaultClustersDir(), 'demo'));
const credentials = readJolokiaCredentials(paths);
const auth = basicAuth(credentials);
const url = (node: string) => `http://${node}:8778/jolokia/`;

interface Answer {
  status: number;
  value?: unknown;
  error?: string;
}

async function post(node: string, body: unknown, headers: Record<string, string> = auth): Promise<Response> {
  return fetch(url(node), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

async function answer(node: string, body: unknown): Promise<Answer> {
  const response = await post(node, body);
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

describe('the local cluster starts its agents locked down', () => {
  it('keeps the credentials private and off the command line', () => {
    expect(credentials?.password).toMatch(/^[0-9a-f]{48}$/);
    for (const file of [paths.jolokiaCredentialsFile, paths.jolokiaAgentProperties]) {
      expect(statSync(file).mode & 0o777, file).toBe(0o600);
    }
    const pid = readFileSync(paths.pidFile(1), 'utf8').trim();
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    expect(cmdline).toContain('policyLocation=file://');
    expect(cmdline).toContain('disabledServices=org.jolokia.service.jsr160.Jsr160RequestHandler');
    expect(cmdline).toContain('executor=fixed,threadNr=4');
    expect(cmdline).not.toContain(credentials!.password);
  });
});

describe('the agents refuse what an attacker sends', () => {
  it('refuses a request without credentials, or with wrong ones, with 401 on every node', async () => {
    const read = { type: 'read', mbean: 'java.lang:type=Runtime', attribute: 'Uptime' };
    for (const node of NODES) {
      expect((await post(node, read, {})).status).toBe(401);
      expect((await post(node, read, basicAuth({ username: 'ringside', password: 'x'.repeat(48) }))).status).toBe(401);
      expect((await post(node, read, basicAuth({ username: 'admin', password: credentials!.password }))).status).toBe(
        401,
      );
    }
  });

  it('refuses a GET request', async () => {
    const response = await fetch(`${url('127.0.0.1')}read/java.lang:type=Runtime/Uptime`, {
      headers: auth,
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as Answer;
    expect(body.status).toBe(403);
    expect(body.error).toMatch(/HTTP method get is not allowed/);
  });

  it('refuses DiagnosticCommand (vmLog, jvmtiAgentLoad) and HotSpotDiagnostic', async () => {
    for (const [operation, args] of [
      ['vmLog', [['output=/tmp/ringside-pwned.log']]],
      ['jvmtiAgentLoad', [['/tmp/evil.so']]],
      ['compilerDirectivesAdd', [['/etc/passwd']]],
    ] as const) {
      const result = await answer('127.0.0.1', {
        type: 'exec',
        mbean: 'com.sun.management:type=DiagnosticCommand',
        operation,
        arguments: args,
      });
      expect(result.status, operation).toBe(403);
    }
    const dump = await answer('127.0.0.1', {
      type: 'exec',
      mbean: 'com.sun.management:type=HotSpotDiagnostic',
      operation: 'dumpHeap',
      arguments: ['/tmp/ringside-heap.hprof', true],
    });
    expect(dump.status).toBe(403);
  });

  it("refuses logback's JMXConfigurator reloadByURL and Flight Recorder", async () => {
    const reload = await answer('127.0.0.1', {
      type: 'exec',
      mbean: 'ch.qos.logback.classic:Name=default,Type=ch.qos.logback.classic.jmx.JMXConfigurator',
      operation: 'reloadByURL',
      arguments: ['http://127.0.0.1:9/logback.xml'],
    });
    expect(reload.status).toBe(403);
    expect(reload.error).toMatch(/forbidden/);
    const jfr = await answer('127.0.0.1', {
      type: 'exec',
      mbean: 'jdk.management.jfr:type=FlightRecorder',
      operation: 'newRecording',
      arguments: [],
    });
    expect(jfr.status).toBe(403);
  });

  it('refuses reads of Runtime InputArguments and SystemProperties', async () => {
    for (const attribute of ['InputArguments', 'SystemProperties']) {
      const result = await answer('127.0.0.2', { type: 'read', mbean: 'java.lang:type=Runtime', attribute });
      expect(result.status, attribute).toBe(403);
    }
    // Nor by asking for every attribute at once.
    const all = await answer('127.0.0.2', { type: 'read', mbean: 'java.lang:type=Runtime' });
    expect(JSON.stringify(all)).not.toContain('-javaagent');
  });

  it('refuses writes and operations Ringside does not use', async () => {
    const write = await answer('127.0.0.1', {
      type: 'write',
      mbean: 'org.apache.cassandra.db:type=StorageService',
      attribute: 'StreamThroughputMbitPerSec',
      value: 1,
    });
    expect(write.status).toBe(403);
    // A readable attribute is not thereby writable.
    const writeRead = await answer('127.0.0.1', {
      type: 'write',
      mbean: 'org.apache.cassandra.db:type=StorageService',
      attribute: 'OperationMode',
      value: 'DECOMMISSIONED',
    });
    expect(writeRead.status).toBe(403);
    for (const [operation, args] of [
      ['truncate', ['system_auth', ['roles']]],
      ['decommission', []],
      // An allowed operation under another spelling (no signature) is not allowed either.
      ['forceKeyspaceFlush', ['system', ['local']]],
    ] as const) {
      const result = await answer('127.0.0.1', {
        type: 'exec',
        mbean: 'org.apache.cassandra.db:type=StorageService',
        operation,
        arguments: args,
      });
      expect(result.status, operation).toBe(403);
    }
    for (const request of [{ type: 'list' }, { type: 'search', mbean: '*:*' }]) {
      const result = await answer('127.0.0.1', request);
      expect(result.status, request.type).toBe(403);
    }
  });

  it('does not forward a request with a proxy target: the JSR-160 proxy is off', async () => {
    const hostId = (node: string, extra: Record<string, unknown> = {}) =>
      answer(node, {
        type: 'read',
        mbean: 'org.apache.cassandra.db:type=StorageService',
        attribute: 'LocalHostId',
        ...extra,
      });
    const node1 = await hostId('127.0.0.1');
    const node2 = await hostId('127.0.0.2');
    expect(node1.value).not.toEqual(node2.value);
    // Asked of node 1 with node 2's JMX URL as target: a proxy would answer with node 2's host id.
    const proxied = await hostId('127.0.0.1', {
      target: { url: 'service:jmx:rmi:///jndi/rmi://127.0.0.1:7200/jmxrmi' },
    });
    expect(proxied.value).not.toEqual(node2.value);
    // A target the proxy would dial (and fail on) is not dialled either.
    const unreachable = await answer('127.0.0.1', {
      type: 'read',
      mbean: 'com.sun.management:type=HotSpotDiagnostic',
      attribute: 'DiagnosticOptions',
      target: { url: 'service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi' },
    });
    expect(unreachable.status).toBe(403);
  });
});

describe("the console's own requests still work", () => {
  const cluster = () => clusterConfig('demo');

  it('reads the node views of every node', async () => {
    const views = await readNodeViews(cluster(), NODES);
    for (const result of views) {
      expect('view' in result ? null : result.error.message, result.address).toBeNull();
    }
  });

  it('reads the whole collector request set, and the per-table reads, on every node', async () => {
    for (const node of NODES) {
      const requests = [...COLLECTOR_REQUESTS, ...TABLE_REQUESTS];
      const answers = await jolokiaBulk(jolokiaTarget(cluster(), node), requests);
      const failed = answers.flatMap((a, i) => (a.ok ? [] : [`${requests[i]?.mbean}: ${a.error}`]));
      expect(failed, node).toEqual([]);
    }
  });

  it('says clearly when the agent refuses the credentials', async () => {
    const wrong = { ...jolokiaTarget(cluster(), '127.0.0.1'), password: 'not-the-password' };
    const error = await jolokiaBulk(wrong, COLLECTOR_REQUESTS).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JolokiaError);
    expect((error as JolokiaError).message).toMatch(
      /^node 127\.0\.0\.1: the agent refused the credentials \(HTTP 401\) — user "ringside" from jolokia\.credentialsFile .*jolokia-credentials\.json/,
    );
    expect((error as JolokiaError).message).not.toContain('not-the-password');
  });
});
