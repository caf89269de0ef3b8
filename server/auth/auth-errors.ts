import 'server-only';
/**
 * better-auth answers a refused call (an email already taken, a password too short, no such user)
 * by throwing its APIError with an HTTP status. Passed through as is, tRPC would call it an internal
 * error and log it as one; here it becomes the client error it is, with better-auth's own message.
 */
import { TRPCError } from '@trpc/server';
import { isAPIError } from 'better-auth/api';

const CODES: Record<number, TRPCError['code']> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'BAD_REQUEST',
  429: 'TOO_MANY_REQUESTS',
};

export function authErrorToTRPC(error: unknown): TRPCError | null {
  if (!isAPIError(error)) return null;
  const code = CODES[error.statusCode];
  if (!code) return null;
  return new TRPCError({ code, message: error.message || error.status.toString(), cause: error });
}
