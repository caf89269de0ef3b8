import 'server-only';
/**
 * One Jolokia exec that may run for hours (a major compaction, a cleanup, a drain): StorageService's
 * operations answer only when the work is done. The global fetch gives up after undici's 300 s
 * headers time-out, so these go through their own undici Agent with that time-out off and the
 * caller's own limit instead. Reads and short writes keep using jolokiaBulk.
 */
import { Agent, request } from 'undici';
import { z } from 'zod';
import type { ClusterConfig } from '../config';
import { processSingleton } from '../process-singleton';
import { JolokiaError } from './errors';
import type { JolokiaRequest } from './jolokia';
import { jolokiaTarget } from './node-bulk';
import { trafficOf } from './traffic';

const agent = processSingleton('long-exec-agent', () => new Agent({ headersTimeout: 0, bodyTimeout: 0 }));

const answerSchema = z.object({
  status: z.number(),
  value: z.unknown().optional(),
  error: z.string().optional(),
});

/** Sends one request and waits up to `timeoutMs` (or until `signal` aborts) for its answer. */
export async function execLong(
  cluster: ClusterConfig,
  node: string,
  jolokiaRequest: JolokiaRequest,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<unknown> {
  const target = jolokiaTarget(cluster, node);
  trafficOf(cluster.id).jolokiaRequests++;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.username)
    headers.authorization = `Basic ${Buffer.from(`${target.username}:${target.password ?? ''}`).toString('base64')}`;
  const limit = AbortSignal.timeout(timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await request(target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(jolokiaRequest),
      dispatcher: agent,
      signal: signal ? AbortSignal.any([signal, limit]) : limit,
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    if (limit.aborted)
      throw new JolokiaError(node, target.url, 'timeout', `the operation did not end within ${timeoutMs} ms`);
    if (signal?.aborted) throw new JolokiaError(node, target.url, 'unreachable', 'the console stopped waiting');
    const code = (error as { code?: string }).code;
    const why =
      code === 'ECONNREFUSED'
        ? 'Jolokia refused connection — is the node running?'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? `Jolokia closed the connection (${code}) — the node may have stopped`
          : `Jolokia request failed: ${(error as Error).message}`;
    throw new JolokiaError(node, target.url, code === 'ECONNREFUSED' ? 'refused' : 'unreachable', why);
  }
  if (status === 401) throw new JolokiaError(node, target.url, 'http', 'the agent refused the credentials (HTTP 401)');
  if (status === 403)
    throw new JolokiaError(node, target.url, 'http', "the agent's access policy refused the request (HTTP 403)");
  let parsed: z.output<typeof answerSchema>;
  try {
    parsed = answerSchema.parse(JSON.parse(text));
  } catch {
    throw new JolokiaError(node, target.url, 'protocol', `HTTP ${status}, not a Jolokia answer: ${text.slice(0, 120)}`);
  }
  if (parsed.status !== 200) {
    const policy = parsed.status === 403 ? " — add it to the agent's access policy (docs/jolokia.md)" : '';
    throw new JolokiaError(node, target.url, 'protocol', `${parsed.error ?? `status ${parsed.status}`}${policy}`);
  }
  return parsed.value;
}
