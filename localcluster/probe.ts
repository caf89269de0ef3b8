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

/** The storage addresses (ip:port) that `node` sees Up, or undefined if its agent does not answer. */
export async function liveNodesSeenBy(node: NodeSpec, timeoutMs = 2000): Promise<string[] | undefined> {
  try {
    const response = await fetch(`http://${node.address}:${node.jolokiaPort}/jolokia/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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

export function storageAddress(node: NodeSpec): string {
  return `${node.address}:${node.storagePort}`;
}
