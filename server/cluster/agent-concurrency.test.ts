/**
 * The agent check against two stand-in agents on 127.0.0.1: one that handles requests one at a time
 * (as Jolokia's default executor=single does: a request whose body has not arrived holds the only
 * thread) and one that handles them concurrently.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterConfig } from '../config';
import { agentConcurrencyProblem } from './agent-concurrency';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function agent(serial: boolean): Promise<number> {
  let busy: Promise<void> = Promise.resolve();
  const answer = (request: IncomingMessage, response: ServerResponse) =>
    new Promise<void>((done) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      const finish = () => {
        if (!response.writableEnded) response.end(JSON.stringify([{ status: 200, value: 1, request: {} }]));
        done();
      };
      request.on('end', finish);
      request.on('close', finish);
    });
  const server = createServer((request, response) => {
    if (!serial) return void answer(request, response);
    busy = busy.then(() => answer(request, response));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const cluster = (port: number) =>
  ({
    id: 'c',
    jolokia: { port, timeoutMs: 1000, overrides: {} },
  }) as unknown as ClusterConfig;

describe('agentConcurrencyProblem', () => {
  it('passes an agent that answers a read while another request is open', async () => {
    expect(await agentConcurrencyProblem(cluster(await agent(false)), '127.0.0.1', 1000)).toBeNull();
  });

  it('names a one-request-at-a-time agent as the problem, with the fix', async () => {
    const problem = await agentConcurrencyProblem(cluster(await agent(true)), '127.0.0.1', 800);
    expect(problem).toMatch(/^node 127\.0\.0\.1: its Jolokia agent answered nothing within 800 ms/);
    expect(problem).toMatch(/executor=single/);
    expect(problem).toMatch(/Fix: start the agent with executor=fixed,threadNr=4/);
  });

  it('says it could not check when nothing listens', async () => {
    const port = await agent(false);
    servers.splice(0).forEach((s) => s.close());
    expect(await agentConcurrencyProblem(cluster(port), '127.0.0.1', 500)).toMatch(/cannot check its Jolokia agent/);
  });
});
