import 'server-only';
/**
 * Does a node answer CQL right now? The monitor asks every node about once a second, so that a hung
 * node (paused, stuck in GC, its disk gone) is seen within two seconds — long before gossip's
 * failure detector convicts it. A TCP connect alone proves nothing: the kernel completes the
 * handshake for a stopped process. So the probe sends the protocol's OPTIONS request (no session,
 * no authentication needed) on a connection of its own and waits for any answer frame.
 */
import { connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { readFileSync } from 'node:fs';
import type { ClusterConfig } from '../config';

export interface CqlProbeResult {
  answering: boolean;
  /** Why not: refused, timed out, TLS failure … */
  reason: string | null;
  latencyMs: number;
}

/** Protocol v4 header: version, flags, stream 0, opcode OPTIONS (0x05), no body. */
const OPTIONS_FRAME = Buffer.from([0x04, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00]);
const RESPONSE_FLAG = 0x80;

/**
 * The probe runs every second per node: the CA is read once per file, as the driver client reads it
 * once when it is created (registry.ts); a changed CA needs a restart either way.
 */
const cas = new Map<string, Buffer>();
function caOf(file: string): Buffer {
  let ca = cas.get(file);
  if (!ca) {
    ca = readFileSync(file);
    cas.set(file, ca);
  }
  return ca;
}

export function probeCql(cluster: ClusterConfig, host: string, timeoutMs: number): Promise<CqlProbeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const tls = cluster.tls?.enabled;
    const socket = tls
      ? connectTls({
          host,
          port: cluster.port,
          ca: cluster.tls?.caFile ? [caOf(cluster.tls.caFile)] : undefined,
          rejectUnauthorized: cluster.tls?.rejectUnauthorized ?? true,
        })
      : connectTcp({ host, port: cluster.port });
    let settled = false;
    const finish = (answering: boolean, reason: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ answering, reason, latencyMs: Math.round(performance.now() - started) });
    };
    const timer = setTimeout(() => finish(false, `no answer to a CQL request within ${timeoutMs} ms`), timeoutMs);
    socket.once(tls ? 'secureConnect' : 'connect', () => socket.write(OPTIONS_FRAME));
    socket.on('data', (chunk: Buffer) => {
      // Any response frame (SUPPORTED, or an ERROR for a protocol it does not speak) is an answer.
      const first = chunk[0];
      if (first !== undefined && (first & RESPONSE_FLAG) !== 0) finish(true, null);
      else finish(false, 'answered with something that is not a CQL frame');
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(
        false,
        error.code === 'ECONNREFUSED' ? 'connection refused: nothing listens on the CQL port' : error.message,
      ),
    );
    socket.once('close', () => finish(false, 'closed the connection without answering'));
  });
}
