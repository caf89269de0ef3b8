import { handleAuthRequest } from '@/server/auth/auth-route';
import { limitBody } from '@/server/http/body-limit';
import { REQUEST_ID_HEADER, requestIdOf } from '@/server/log/request-id';

export const dynamic = 'force-dynamic';

/** better-auth's routes (sign-in, sign-out, session), audited: server/auth/auth-route.ts. */
async function handler(request: Request) {
  const requestId = requestIdOf(request);
  // A sign-in is a few hundred bytes: 64 KiB is plenty.
  const limited = limitBody(request, 64 * 1024);
  const response = limited instanceof Response ? limited : await handleAuthRequest(limited, requestId);
  const headers = new Headers(response.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export { handler as GET, handler as POST };
