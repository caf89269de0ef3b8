import 'server-only';
/**
 * A request body larger than the console ever needs is refused with 413 before it is read into
 * memory: by its Content-Length when it has one, else while it streams (a chunked body has none).
 */
import { TRPCError } from '@trpc/server';

/** The largest body a console request needs: a 1 MB statement and 64 Ki bound values, with room. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A TRPCError, so the tRPC route answers 413 with it; the export route checks for it by class. */
export class BodyTooLargeError extends TRPCError {
  constructor(maxBytes: number) {
    super({
      code: 'PAYLOAD_TOO_LARGE',
      message: `the request body is over the ${maxBytes} bytes this console accepts`,
    });
  }
}

export function tooLargeResponse(maxBytes: number, headers?: HeadersInit): Response {
  return Response.json(
    { error: `the request body is larger than the ${Math.round(maxBytes / 1024 / 1024)} MiB this console accepts` },
    { status: 413, headers },
  );
}

/**
 * The request with its body capped at `maxBytes`, or a 413 response when its Content-Length is over
 * the cap already. A body that turns out longer while it streams fails its reader with BodyTooLargeError.
 */
export function limitBody(request: Request, maxBytes = MAX_BODY_BYTES): Request | Response {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLargeResponse(maxBytes);
  if (!request.body) return request;
  let seen = 0;
  const capped = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new BodyTooLargeError(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request, { body: capped, duplex: 'half' } as RequestInit);
}
