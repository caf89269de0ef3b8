/**
 * Test support: a real HTTP receiver on 127.0.0.1 that records every request (headers, raw body) and
 * answers as the test says — a status, headers, a body, or no answer at all (a hang). It also keeps
 * what a well-behaved receiver keeps: the webhook-ids it has processed, so a repeat is recognised
 * (Standard Webhooks' idempotency key) and `processed` counts each id once.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  /** 1-based, over every request this receiver has seen. */
  n: number;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what a signature is checked against). */
  body: string;
  at: number;
  webhookId: string | undefined;
}

export type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** The webhook-ids answered 2xx: each processed once, however often it arrives. */
  processed: Set<string>;
  /** Requests answered 2xx for an id already processed (a receiver would drop them as repeats). */
  duplicates(): number;
  /** The request headers as standardwebhooks' verify wants them. */
  headersOf(request: ReceivedRequest): Record<string, string>;
  close(): Promise<void>;
}

export async function startReceiver(
  answer: (request: ReceivedRequest) => Answer = () => ({ status: 200 }),
  /** A fixed port, so a receiver closed for a while can come back where its destination points. */
  port = 0,
) {
  const requests: ReceivedRequest[] = [];
  const processed = new Set<string>();
  let duplicates = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      const request: ReceivedRequest = {
        n: requests.length + 1,
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
        webhookId: typeof id === 'string' ? id : undefined,
      };
      requests.push(request);
      const reply = answer(request);
      if (reply === 'hang') return;
      if (reply.status >= 200 && reply.status < 300 && request.webhookId) {
        if (processed.has(request.webhookId)) duplicates++;
        processed.add(request.webhookId);
      }
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${bound}/hook`,
    requests,
    processed,
    duplicates: () => duplicates,
    headersOf: (request) =>
      Object.fromEntries(
        Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

/** Polls until `check` holds (or throws after `timeoutMs`, saying what it waited for). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
