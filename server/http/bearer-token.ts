import 'server-only';
/** A bearer token checked in constant time: how long a comparison takes must not tell how much matched. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Why the request's `Authorization` does not carry `expected`, or null when it does. */
export function bearerRefusal(headers: Headers, expected: string): string | null {
  const authorization = headers.get('authorization');
  if (authorization === null) return 'no Authorization header: send Authorization: Bearer <token>';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const presented = match?.[1];
  if (presented === undefined) return 'the Authorization header is not "Bearer <token>"';
  return timingSafeEqual(digest(presented), digest(expected)) ? null : 'the bearer token is not the configured one';
}
