import 'server-only';
/**
 * One delivery attempt: a POST through the egress agent, abandoned after the attempt's time-out (connect,
 * send and the answer together), never following a redirect, reading at most 64 KiB of the answer and
 * keeping 500 characters of it. Never throws: every way it can end is a result the worker records.
 */
import { request, type Dispatcher } from 'undici';
import { checkUrl, type EgressPolicy } from './egress';

export const MAX_RESPONSE_BYTES = 64 * 1024;
export const EXCERPT_CHARS = 500;

export type SendResult =
  | {
      kind: 'response';
      status: number;
      retryAfter: string | null;
      location: string | null;
      excerpt: string;
      latencyMs: number;
    }
  | {
      kind: 'error';
      reason: 'timeout' | 'refused' | 'network' | 'aborted' | 'unsendable';
      message: string;
      latencyMs: number;
    };

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  dispatcher: Dispatcher;
  policy: EgressPolicy;
  timeoutMs: number;
  /** Aborted when the worker stops. */
  signal?: AbortSignal;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** What the receiver said, as text that can be stored and shown: control characters dropped, cut short. */
export function excerptOf(bytes: Buffer): string {
  const text = bytes.toString('utf8').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return text.length > EXCERPT_CHARS ? text.slice(0, EXCERPT_CHARS) : text;
}

async function readCapped(body: Dispatcher.ResponseData['body']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    chunks.push(buffer.subarray(0, MAX_RESPONSE_BYTES - size));
    size += buffer.length;
    // Leaving the loop destroys the stream: the rest is never read.
    if (size >= MAX_RESPONSE_BYTES) break;
  }
  return Buffer.concat(chunks);
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++)
    if (!parts.includes(e.message)) parts.push(e.message);
  return parts.join(': ') || String(error);
}

export async function postOnce(req: SendRequest): Promise<SendResult> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    checkUrl(req.url, req.policy);
  } catch (error) {
    return { kind: 'error', reason: 'refused', message: (error as Error).message, latencyMs: 0 };
  }
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  try {
    const response = await request(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Ringside-Webhooks/1', ...req.headers },
      body: req.body,
      dispatcher: req.dispatcher,
      signal,
    });
    const bytes = await readCapped(response.body);
    return {
      kind: 'response',
      status: response.statusCode,
      retryAfter: header(response.headers, 'retry-after'),
      location: header(response.headers, 'location'),
      excerpt: excerptOf(bytes),
      latencyMs: latencyMs(),
    };
  } catch (error) {
    if (timeout.aborted)
      return {
        kind: 'error',
        reason: 'timeout',
        message: `no answer within ${req.timeoutMs} ms`,
        latencyMs: latencyMs(),
      };
    if (req.signal?.aborted)
      return { kind: 'error', reason: 'aborted', message: 'the console stopped', latencyMs: latencyMs() };
    const code = errorCode(error);
    return {
      kind: 'error',
      reason: code === 'EGRESS_REFUSED' ? 'refused' : 'network',
      message: describe(error),
      latencyMs: latencyMs(),
    };
  }
}
