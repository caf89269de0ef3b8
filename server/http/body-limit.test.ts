import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, limitBody } from './body-limit';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/api/trpc/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('limitBody', () => {
  it('refuses a declared length over the cap with 413, before reading anything', async () => {
    const refused = limitBody(post('x'.repeat(10), { 'content-length': '11' }), 10);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(413);
  });

  it('passes a body within the cap unchanged', async () => {
    const passed = limitBody(post('{"a":1}'), 100);
    expect(passed).toBeInstanceOf(Request);
    expect(await (passed as Request).text()).toBe('{"a":1}');
  });

  it('fails the reader of a streamed body that grows past the cap', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(8));
        controller.close();
      },
    });
    const capped = limitBody(post(chunks), 20);
    expect(capped).toBeInstanceOf(Request);
    await expect((capped as Request).arrayBuffer()).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
