import 'server-only';
/**
 * The stats-agent client: JMX over HTTP through the Jolokia JVM agent on each node.
 * One POST carries a whole batch (Jolokia's bulk request); each answer is checked with zod by the
 * caller. Transport failures become a JolokiaError that names the node and what went wrong.
 */
import { z } from 'zod';
import { JolokiaError } from './errors';

export type JolokiaRequest =
  | { type: 'read'; mbean: string; attribute?: string | string[]; path?: string }
  | { type: 'exec'; mbean: string; operation: string; arguments: unknown[] }
  | { type: 'write'; mbean: string; attribute: string; value: unknown }
  | { type: 'search'; mbean: string };

/** One answer of a bulk request: Jolokia reports errors per request, inside a 200 response. */
export type JolokiaResult = { ok: true; value: unknown } | { ok: false; error: string; errorType?: string };

const responseItemSchema = z.object({
  status: z.number(),
  value: z.unknown().optional(),
  error: z.string().optional(),
  error_type: z.string().optional(),
});

export interface JolokiaTarget {
  /** How the node is named in messages: its address. */
  node: string;
  url: string;
  timeoutMs: number;
  username?: string;
  password?: string;
  /** Where username/password come from, for the message when the agent refuses them. */
  credentialsFile?: string;
}

/** What to check when the agent answers 401; never the password itself. */
function credentialsAdvice(target: JolokiaTarget): string {
  if (target.username)
    return target.credentialsFile
      ? `user "${target.username}" from jolokia.credentialsFile ${target.credentialsFile}: is it the file the agents' config= file was made with?`
      : `user "${target.username}": check jolokia.username/password`;
  return target.credentialsFile
    ? `none were sent: jolokia.credentialsFile ${target.credentialsFile} does not exist (the local cluster writes it on \`npm run cluster -- up\`)`
    : 'none were sent: the agent requires them; set jolokia.credentialsFile';
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function transportError(target: JolokiaTarget, error: unknown): JolokiaError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new JolokiaError(
      target.node,
      target.url,
      'timeout',
      `Jolokia did not answer within ${target.timeoutMs} ms — is the node paused or overloaded?`,
    );
  }
  const code = causeCode(error);
  if (code === 'ECONNREFUSED') {
    return new JolokiaError(
      target.node,
      target.url,
      'refused',
      'Jolokia refused connection — is the node running with the Jolokia agent on this port?',
    );
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL') {
    return new JolokiaError(target.node, target.url, 'unreachable', `Jolokia host is unreachable (${code})`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') {
    return new JolokiaError(
      target.node,
      target.url,
      'unreachable',
      `Jolokia closed the connection (${code}) — the node may be shutting down`,
    );
  }
  return new JolokiaError(
    target.node,
    target.url,
    'unreachable',
    `Jolokia request failed: ${(error as Error).message ?? String(error)}`,
  );
}

export async function jolokiaBulk(target: JolokiaTarget, requests: JolokiaRequest[]): Promise<JolokiaResult[]> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.username)
    headers.authorization = `Basic ${Buffer.from(`${target.username}:${target.password ?? ''}`).toString('base64')}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(requests),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw transportError(target, error);
  }
  if (response.status === 401) {
    throw new JolokiaError(
      target.node,
      target.url,
      'http',
      `the agent refused the credentials (HTTP 401) — ${credentialsAdvice(target)}`,
    );
  }
  if (response.status === 403) {
    throw new JolokiaError(
      target.node,
      target.url,
      'http',
      "the agent's access policy refused the request (HTTP 403) — does its <remote> section list this console's address?",
    );
  }
  if (!response.ok) {
    // Jolokia explains a refused request in its body ("No operation … exists. Known signatures: …").
    const reason = text
      .replace(/^\d{3} \([^)]*\)\s*/, '')
      .trim()
      .split('\n')[0]
      ?.slice(0, 300);
    throw new JolokiaError(
      target.node,
      target.url,
      'http',
      `Jolokia answered HTTP ${response.status}${reason ? `: ${reason}` : ''}`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new JolokiaError(
      target.node,
      target.url,
      'protocol',
      `the answer is not JSON — is this port really a Jolokia agent? It began: ${text.slice(0, 80)}`,
    );
  }
  const parsed = z.array(responseItemSchema).length(requests.length).safeParse(body);
  if (!parsed.success) {
    throw new JolokiaError(
      target.node,
      target.url,
      'protocol',
      `the answer is not a Jolokia bulk response of ${requests.length} items`,
    );
  }
  return parsed.data.map((item) =>
    item.status === 200
      ? { ok: true, value: item.value }
      : { ok: false, error: item.error ?? `status ${item.status}`, errorType: item.error_type },
  );
}

/** Parses one bulk answer with its schema; a per-request error names the node and the MBean. */
export function valueOf<T>(target: JolokiaTarget, result: JolokiaResult, schema: z.ZodType<T>, what: string): T {
  if (!result.ok)
    throw new JolokiaError(target.node, target.url, 'protocol', `reading ${what} failed: ${result.error}`);
  const parsed = schema.safeParse(result.value);
  if (!parsed.success)
    throw new JolokiaError(
      target.node,
      target.url,
      'protocol',
      `${what} has an unexpected shape: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

export function jolokiaUrl(template: string | undefined, host: string, port: number): string {
  return (template ?? 'http://{host}:{port}/jolokia/').replaceAll('{host}', host).replaceAll('{port}', String(port));
}
