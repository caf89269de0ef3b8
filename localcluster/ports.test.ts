import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { assertPortsFree, isPortFree } from './ports';

describe('port checks', () => {
  it('names a taken port and what it was for', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      expect(await isPortFree('127.0.0.1', port)).toBe(false);
      await expect(
        assertPortsFree([{ host: '127.0.0.1', port, purpose: 'CQL native transport of node 1' }]),
      ).rejects.toThrow(
        new RegExp(`port 127\\.0\\.0\\.1:${port} is taken by another process[\\s\\S]*CQL native transport of node 1`),
      );
    } finally {
      blocker.close();
    }
    expect(await isPortFree('127.0.0.1', port)).toBe(true);
  });
});
