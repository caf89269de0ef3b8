import 'server-only';
/**
 * Can a node's Jolokia agent answer a read while another request is still open? A blocking exec (a
 * major compaction, a cleanup, a drain) holds one of the agent's HTTP threads until it ends; with
 * the agent's default `executor=single` every status poll of that node would queue behind it and the
 * node would look dead for hours. The agent does not report its executor (`version` leaves it out),
 * so this asks the question directly: it opens a request and holds it unfinished (headers sent, body
 * not), which keeps one agent thread waiting, then sends an ordinary read. No answer in time: the
 * agent serves one request at a time.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { ClusterConfig } from '../config';
import { jolokiaBulk } from './jolokia';
import { jolokiaTarget } from './node-bulk';
import { trafficOf } from './traffic';

export const SINGLE_THREADED_FIX =
  'start the agent with executor=fixed,threadNr=4 (docs/jolokia.md), then restart the node';

function holdOpenRequest(url: URL, authorization: string | undefined): Promise<Socket> {
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket: Socket = secure
      ? tlsConnect({ host: url.hostname, port, servername: url.hostname, rejectUnauthorized: false })
      : tcpConnect({ host: url.hostname, port });
    socket.once('error', reject);
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      socket.write(
        [
          `POST ${url.pathname} HTTP/1.1`,
          `Host: ${url.host}`,
          'Content-Type: application/json',
          'Content-Length: 1024',
          ...(authorization ? [`Authorization: ${authorization}`] : []),
          '',
          '[',
        ].join('\r\n'),
      );
      resolve(socket);
    });
  });
}

/**
 * Null when the agent answered a read while a request of ours was held open; otherwise why a
 * blocking operation must not be sent to it, with the fix.
 */
export async function agentConcurrencyProblem(
  cluster: ClusterConfig,
  node: string,
  waitMs = 3000,
): Promise<string | null> {
  const target = jolokiaTarget(cluster, node);
  const authorization = target.username
    ? `Basic ${Buffer.from(`${target.username}:${target.password ?? ''}`).toString('base64')}`
    : undefined;
  let held: Socket | undefined;
  try {
    held = await holdOpenRequest(new URL(target.url), authorization);
    // Let the agent hand the held request to one of its threads before asking the real question.
    await new Promise((resolve) => setTimeout(resolve, 200));
    trafficOf(cluster.id).jolokiaRequests++;
    await jolokiaBulk({ ...target, timeoutMs: waitMs }, [
      { type: 'read', mbean: 'java.lang:type=Runtime', attribute: 'Uptime' },
    ]);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    if (/did not answer within/.test(message))
      return (
        `node ${node}: its Jolokia agent answered nothing within ${waitMs} ms while another request was open — ` +
        `it serves one request at a time (executor=single, the agent's default), so a blocking operation would ` +
        `stop every read of this node until it ends. Fix: ${SINGLE_THREADED_FIX}`
      );
    return `node ${node}: cannot check its Jolokia agent before a blocking operation: ${message}`;
  } finally {
    held?.destroy();
  }
}
