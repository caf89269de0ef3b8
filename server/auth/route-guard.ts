import 'server-only';
/**
 * The same check as the tRPC base procedures, for the plain routes (export, audit CSV, metrics): the
 * session from the request's cookie, then the role. A refusal is a JSON response saying why.
 */
import type { Role } from '@/lib/roles';
import { consoleAdminRefusal, roleRefusal } from './access';
import { principalOf, type Principal } from './principal';

export type RouteNeed = { role: Role; clusterId: string } | 'console-admin' | 'signed-in';

export async function guardRoute(
  headers: Headers,
  need: RouteNeed,
  responseHeaders?: HeadersInit,
): Promise<{ principal: Principal; refusal: null } | { principal: Principal | null; refusal: Response }> {
  const lookup = await principalOf(headers);
  if (!lookup.principal)
    return {
      principal: null,
      refusal: Response.json({ error: lookup.why }, { status: 401, headers: responseHeaders }),
    };
  const why =
    need === 'signed-in'
      ? null
      : need === 'console-admin'
        ? consoleAdminRefusal(lookup.principal)
        : roleRefusal(need.role, need.clusterId, lookup.principal);
  if (why)
    return {
      principal: lookup.principal,
      refusal: Response.json({ error: why }, { status: 403, headers: responseHeaders }),
    };
  return { principal: lookup.principal, refusal: null };
}
