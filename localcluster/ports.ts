/** Checks that every address:port a node will bind is free, so a clash is named before Java starts. */
import { createServer } from 'node:net';
import type { NodeSpec } from './topology';

export interface PortNeed {
  host: string;
  port: number;
  purpose: string;
}

export function portsOf(node: NodeSpec): PortNeed[] {
  return [
    { host: node.address, port: node.nativePort, purpose: `CQL native transport of node ${node.index}` },
    { host: node.address, port: node.storagePort, purpose: `inter-node storage port of node ${node.index}` },
    { host: '127.0.0.1', port: node.jmxPort, purpose: `JMX of node ${node.index}` },
    { host: node.address, port: node.jolokiaPort, purpose: `Jolokia agent of node ${node.index}` },
  ];
}

export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export class PortTakenError extends Error {}

export async function assertPortsFree(needs: PortNeed[]): Promise<void> {
  const taken: PortNeed[] = [];
  for (const need of needs) {
    if (!(await isPortFree(need.host, need.port))) taken.push(need);
  }
  const [first] = taken;
  if (first) {
    const list = taken.map((t) => `  ${t.host}:${t.port} (${t.purpose})`).join('\n');
    throw new PortTakenError(
      `port ${first.host}:${first.port} is taken by another process, so the cluster cannot start:\n${list}\n` +
        `Find the owner with \`ss -ltnp 'sport = :${first.port}'\`, stop it (or the other cluster with \`npm run cluster -- down --name <name>\`), then run up again.`,
    );
  }
}
