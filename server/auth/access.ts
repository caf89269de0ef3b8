import 'server-only';
/**
 * The one answer to "may this principal do that": the tRPC base procedures and the plain routes both
 * ask here, so a refusal reads the same wherever it comes from.
 */
import { atLeast, isConsoleAdmin, roleOn, type Role } from '@/lib/roles';
import type { Principal } from './principal';

/** Why the principal may not act as `role` on the cluster, or null when they may. */
export function roleRefusal(role: Role, clusterId: string, principal: Principal): string | null {
  const held = roleOn(principal.grants, clusterId);
  if (atLeast(held, role)) return null;
  return held === null
    ? `you hold no role on cluster "${clusterId}": an administrator can grant one`
    : `this needs the ${role} role on cluster "${clusterId}"; you are ${held === 'admin' ? 'an' : 'a'} ${held} there`;
}

export function consoleAdminRefusal(principal: Principal): string | null {
  return isConsoleAdmin(principal.grants)
    ? null
    : 'this needs the admin role on every cluster (a console administrator)';
}
