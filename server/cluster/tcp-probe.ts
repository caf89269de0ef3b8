import 'server-only';
import { connect } from 'node:net';

/**
 * True when host:port actively refuses a TCP connection (nothing listens: the process is gone).
 * A timeout or any other error is not a refusal: a paused or overloaded node still holds its ports.
 */
export function refusesConnection(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (refused: boolean) => {
      socket.destroy();
      resolve(refused);
    };
    socket.once('connect', () => done(false));
    socket.once('timeout', () => done(false));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}
