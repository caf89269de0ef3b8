/** Grants as the users page shows and edits them: one role per cluster, or for every cluster ('*'). Pure. */
import { EVERY_CLUSTER, isConsoleAdmin, type Grant, type Role } from '@/lib/roles';

export interface ClusterChoice {
  id: string;
  name: string;
}

/** "admin on every cluster", "viewer on demo": the every-cluster grant first, then by cluster id. */
export function describeGrant(grant: Grant): string {
  return `${grant.role} on ${grant.cluster === EVERY_CLUSTER ? 'every cluster' : grant.cluster}`;
}

export function sortGrants(grants: readonly Grant[]): Grant[] {
  return [...grants].sort((a, b) =>
    a.cluster === b.cluster
      ? 0
      : a.cluster === EVERY_CLUSTER
        ? -1
        : b.cluster === EVERY_CLUSTER
          ? 1
          : a.cluster.localeCompare(b.cluster),
  );
}

export function describeGrants(grants: readonly Grant[]): string {
  return grants.length === 0 ? 'none' : sortGrants(grants).map(describeGrant).join(', ');
}

/**
 * Why these grants cannot be saved, or null. The server keeps one role per cluster and would silently
 * keep the last of two: the page says so instead.
 */
export function grantsProblem(grants: readonly Grant[]): string | null {
  const seen = new Set<string>();
  for (const { cluster } of grants) {
    const label = cluster === EVERY_CLUSTER ? 'every cluster (*)' : cluster;
    if (seen.has(cluster)) return `${label} has two grants: keep one role per cluster`;
    seen.add(cluster);
  }
  return null;
}

/** What a grant set means beyond its rows, for the line under the editor. */
export function grantsNote(grants: readonly Grant[]): string {
  if (isConsoleAdmin(grants))
    return 'admin on every cluster makes a console administrator: manages users and reads the whole audit log';
  if (grants.length === 0) return 'no grants: they can sign in but see no cluster';
  return 'a grant on every cluster (*) also covers clusters configured later; the higher role counts';
}

/** The row "add a grant" appends: the first cluster not granted yet, else every cluster. */
export function nextGrant(grants: readonly Grant[], clusters: readonly ClusterChoice[], role: Role = 'viewer'): Grant {
  const granted = new Set(grants.map((g) => g.cluster));
  const free = clusters.find((c) => !granted.has(c.id));
  return { cluster: free?.id ?? EVERY_CLUSTER, role };
}

/** Same grants, whatever their order: saving them would change nothing. */
export function sameGrants(a: readonly Grant[], b: readonly Grant[]): boolean {
  const key = (grants: readonly Grant[]) =>
    sortGrants(grants)
      .map((g) => `${g.cluster}=${g.role}`)
      .join(',');
  return key(a) === key(b);
}
