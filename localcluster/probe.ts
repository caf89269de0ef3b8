/**
 * What a node says about itself once its JVM runs: has it opened CQL (its system.log says so),
 * and which peers does its gossip see Up (StorageService through its Jolokia agent).
 * The console has a full Jolokia client in server/cluster; the tool needs this one read only
 * and must run outside Next.js, so it keeps its own.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { NodeSpec } from './topology';

export const CQL_READY_LINE = 'Starting listening for CQL clients';

export function logSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** True once the log, read from byte `offset` on, says the node accepts CQL clients. */
export function logSaysCqlReady(file: string, offset: number): boolean {
  if (!existsSync(file)) return false;
  const text = readFileSync(file).subarray(offset).toString('utf8');
  return text.includes(CQL_READY_LINE);
}

export function agentUrl(node: NodeSpec): string {
  return `http://${node.address}:${node.jolokiaPort}/jolokia/`;
}

/**
 * The storage addresses (ip:port) that `node` sees Up, or undefined if its agent does not answer.
 * `auth`: the agent's basic-auth header (jolokia-agent.ts `basicAuth`).
 */
export async function liveNodesSeenBy(
  node: NodeSpec,
  auth: Record<string, string>,
  timeoutMs = 2000,
): Promise<string[] | undefined> {
  try {
    const response = await fetch(agentUrl(node), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        type: 'read',
        mbean: 'org.apache.cassandra.db:type=StorageService',
        attribute: 'LiveNodesWithPort',
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { status?: number; value?: unknown };
    return body.status === 200 && Array.isArray(body.value) ? body.value.map(String) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why `node`'s agent is not enforcing the lock-down, or null if it is: it must refuse a request
 * without credentials, and refuse Runtime.InputArguments (which the policy leaves out) to one with them.
 * An agent that fell back to allow-all (a policy it could not load) fails here rather than silently.
 */
export async function agentLockDownProblem(node: NodeSpec, auth: Record<string, string>): Promise<string | null> {
  const read = { type: 'read', mbean: 'java.lang:type=Runtime', attribute: 'InputArguments' };
  const post = (headers: Record<string, string>) =>
    fetch(agentUrl(node), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(read),
      signal: AbortSignal.timeout(5000),
    });
  try {
    const anonymous = await post({});
    if (anonymous.status !== 401)
      return `its Jolokia agent answered HTTP ${anonymous.status} to a request without credentials (expected 401)`;
    const body = (await (await post(auth)).json()) as { status?: number };
    if (body.status !== 403)
      return `its Jolokia agent answered status ${body.status} to a read of Runtime.InputArguments (expected 403: is the access policy loaded?)`;
    return null;
  } catch (error) {
    return `its Jolokia agent could not be checked: ${(error as Error).message}`;
  }
}

export function storageAddress(node: NodeSpec): string {
  return `${node.address}:${node.storagePort}`;
}
