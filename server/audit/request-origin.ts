import 'server-only';
/**
 * Where a request came from, as the audit log keeps it. Next.js sets X-Forwarded-For from the socket
 * only when the client sent none, so behind no proxy a client can write its own: the address is a
 * record, not a proof (docs/security.md).
 */
export function requestOrigin(headers: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get('x-forwarded-for');
  return {
    ip: forwarded?.split(',')[0]?.trim() || headers.get('x-real-ip') || null,
    userAgent: headers.get('user-agent'),
  };
}
