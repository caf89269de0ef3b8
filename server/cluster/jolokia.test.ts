import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JolokiaError } from './errors';
import { jolokiaBulk, jolokiaUrl } from './jolokia';

// Real HTTP servers on loopback stand in for misbehaving endpoints; none pretends to be Cassandra.
let silent: Server;
let notJolokia: Server;
const ports: Record<string, number> = {};

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  silent = createServer(() => undefined); // accepts, never answers
  notJolokia = createServer((_, res) => res.end('<html>hello</html>'));
  ports.silent = await listen(silent);
  ports.notJolokia = await listen(notJolokia);
  // A port that was free a moment ago and has nothing listening now.
  const closed = createServer();
  ports.closed = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(() => {
  silent.closeAllConnections();
  silent.close();
  notJolokia.close();
});

const request = [{ type: 'read' as const, mbean: 'java.lang:type=Runtime', attribute: 'Uptime' }];

async function failureOf(url: string, timeoutMs = 500): Promise<JolokiaError> {
  try {
    await jolokiaBulk({ node: '127.0.0.1', url, timeoutMs }, request);
  } catch (error) {
    if (error instanceof JolokiaError) return error;
    throw error;
  }
  throw new Error('expected a JolokiaError');
}

describe('jolokiaBulk failures', () => {
  it('says the agent refused the connection, naming node and URL', async () => {
    const url = `http://127.0.0.1:${ports.closed}/jolokia/`;
    const error = await failureOf(url);
    expect(error.failure).toBe('refused');
    expect(error.message).toBe(
      `node 127.0.0.1: Jolokia refused connection — is the node running with the Jolokia agent on this port? (${url})`,
    );
  });

  it('says when the agent does not answer in time', async () => {
    const started = Date.now();
    const error = await failureOf(`http://127.0.0.1:${ports.silent}/jolokia/`, 300);
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('passes on why Jolokia refused a request', async () => {
    const refusing = createServer((_, res) => {
      res.statusCode = 400;
      res.end('400 (Bad Request)\n\nNo operation flush(int) on MBean x exists. Known signatures: (java.lang.String)');
    });
    const port = await listen(refusing);
    try {
      const error = await failureOf(`http://127.0.0.1:${port}/jolokia/`);
      expect(error.message).toMatch(
        /Jolokia answered HTTP 400: No operation flush\(int\) on MBean x exists\. Known signatures: \(java\.lang\.String\)/,
      );
    } finally {
      refusing.close();
    }
  });

  it('says when the agent refuses the credentials, naming where they came from but never the password', async () => {
    const guarded = createServer((_, res) => {
      res.statusCode = 401;
      res.setHeader('www-authenticate', 'Basic realm="jolokia"');
      res.end();
    });
    const port = await listen(guarded);
    const url = `http://127.0.0.1:${port}/jolokia/`;
    const failure = async (extra: Record<string, string>) =>
      jolokiaBulk({ node: '127.0.0.1', url, timeoutMs: 500, ...extra }, request).then(
        () => {
          throw new Error('expected a JolokiaError');
        },
        (error: unknown) => error as JolokiaError,
      );
    try {
      const wrong = await failure({ username: 'ringside', password: 'pw-123', credentialsFile: '/etc/creds.json' });
      expect(wrong.message).toBe(
        `node 127.0.0.1: the agent refused the credentials (HTTP 401) — user "ringside" from jolokia.credentialsFile /etc/creds.json: is it the file the agents' config= file was made with? (${url})`,
      );
      expect(wrong.message).not.toContain('pw-123');
      const missing = await failure({ credentialsFile: '/home/x/.ringside/clusters/demo/jolokia-credentials.json' });
      expect(missing.message).toMatch(
        /the agent refused the credentials \(HTTP 401\) — none were sent: jolokia\.credentialsFile \/home\/x\/\.ringside\/clusters\/demo\/jolokia-credentials\.json does not exist/,
      );
      expect((await failure({})).message).toMatch(
        /none were sent: the agent requires them; set jolokia\.credentialsFile/,
      );
    } finally {
      guarded.close();
    }
  });

  it('says when the port answers but is not Jolokia', async () => {
    const error = await failureOf(`http://127.0.0.1:${ports.notJolokia}/jolokia/`);
    expect(error.failure).toBe('protocol');
    expect(error.message).toMatch(/not JSON.*<html>hello/);
  });
});

describe('jolokiaUrl', () => {
  it('fills host and port into the default or a given template', () => {
    expect(jolokiaUrl(undefined, '127.0.0.3', 8778)).toBe('http://127.0.0.3:8778/jolokia/');
    expect(jolokiaUrl('https://{host}:8443/jmx/', '10.0.0.1', 8778)).toBe('https://10.0.0.1:8443/jmx/');
  });
});
