import 'server-only';
/**
 * Each HTTP request's id: the caller's `x-request-id` when it looks like an id (a proxy or a load
 * balancer set it, and the logs should agree with theirs), else a fresh one. Anything else in the
 * header is ignored rather than echoed, so it cannot inject text into log lines or headers.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdOf(request: Pick<Request, 'headers'>): string {
  const given = request.headers.get(REQUEST_ID_HEADER)?.trim();
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}
