/**
 * The console's roles, lowest first, and what a grant is. Shared by the server (which enforces them)
 * and the pages (which only hide what a role cannot use).
 *   viewer    reads every view of the cluster, runs reading statements in the workbench
 *   operator  and operations, writing statements, saved queries, replication changes (later: silences)
 *   admin     and the cluster's settings; admin on every cluster ('*') also manages users and reads the audit log
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'operator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** A grant for every cluster, present and future, as OpsCenter's and AxonOps's global scope. */
export const EVERY_CLUSTER = '*';

export const grantSchema = z.object({
  cluster: z.union([z.literal(EVERY_CLUSTER), z.string().regex(/^[a-z0-9][a-z0-9-]*$/)]),
  role: roleSchema,
});
export type Grant = z.infer<typeof grantSchema>;

export function roleRank(role: Role | null): number {
  return role === null ? -1 : ROLES.indexOf(role);
}

export function atLeast(held: Role | null, needed: Role): boolean {
  return roleRank(held) >= roleRank(needed);
}

/** The role a user holds on one cluster: the higher of its own grant and the every-cluster grant. */
export function roleOn(grants: readonly Grant[], clusterId: string): Role | null {
  let best: Role | null = null;
  for (const grant of grants)
    if ((grant.cluster === clusterId || grant.cluster === EVERY_CLUSTER) && roleRank(grant.role) > roleRank(best))
      best = grant.role;
  return best;
}

/** Admin of every cluster: the console's own administrator (users, audit log). */
export function isConsoleAdmin(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.cluster === EVERY_CLUSTER && g.role === 'admin');
}
