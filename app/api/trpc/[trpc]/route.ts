import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { limitBody } from '@/server/http/body-limit';
import { logger } from '@/server/log/logger';
import { REQUEST_ID_HEADER, requestIdOf } from '@/server/log/request-id';
import { appRouter } from '@/server/routers/_app';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

const log = logger('trpc');

async function handler(request: Request) {
  const requestId = requestIdOf(request);
  const started = performance.now();
  const req = limitBody(request);
  if (req instanceof Response) {
    log.info({ requestId, length: request.headers.get('content-length') }, 'request refused: body too large');
    req.headers.set(REQUEST_ID_HEADER, requestId);
    return req;
  }
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext({ headers: req.headers, requestId, responseHeaders: resHeaders }),
    onError({ path, error, type }) {
      // Path and code only: inputs can hold bound values and passwords, so they are never logged.
      const fields = { requestId, path: path ?? null, type, code: error.code };
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error({ ...fields, err: error.cause ?? error }, error.message);
      else log.info(fields, error.message);
    },
  });
  // tRPC builds a fresh Response, so its headers can be added to; the id lets a user's report meet the log line.
  response.headers.set(REQUEST_ID_HEADER, requestId);
  log.debug(
    {
      requestId,
      method: req.method,
      path: new URL(req.url).pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
    },
    'request',
  );
  return response;
}

export { handler as GET, handler as POST };
