import 'server-only';
/** The grants repository: each user's role per cluster, or for every cluster, in `user_grants`. */
import { z } from 'zod';
import { grantSchema, isConsoleAdmin, type Grant } from '@/lib/roles';
import { getStore } from '../store';
import type { Store } from '../store/database';
import { readRows } from '../store/rows';

export function grantsOf(userId: string, store: Store = getStore()): Grant[] {
  return readRows(
    'user_grants',
    grantSchema,
    store.prepare('SELECT cluster, role FROM user_grants WHERE user_id = ? ORDER BY cluster').all(userId),
  );
}

export function allGrants(store: Store = getStore()): Map<string, Grant[]> {
  const rows = readRows(
    'user_grants',
    grantSchema.extend({ user_id: z.string() }),
    store.prepare('SELECT user_id, cluster, role FROM user_grants ORDER BY cluster').all(),
  );
  const byUser = new Map<string, Grant[]>();
  for (const { user_id, ...grant } of rows) byUser.set(user_id, [...(byUser.get(user_id) ?? []), grant]);
  return byUser;
}

/**
 * Replaces a user's grants, and marks better-auth's own role to match (admin of every cluster is
 * better-auth's `admin`, so its admin endpoints serve console administrators only). One transaction.
 */
export function replaceGrants(userId: string, grants: readonly Grant[], store: Store = getStore()): void {
  const unique = new Map(grants.map((g) => [g.cluster, g]));
  store.transaction(() => {
    store.prepare('DELETE FROM user_grants WHERE user_id = ?').run(userId);
    const insert = store.prepare('INSERT INTO user_grants (user_id, cluster, role) VALUES (?, ?, ?)');
    for (const grant of unique.values()) insert.run(userId, grant.cluster, grant.role);
    store
      .prepare('UPDATE "user" SET role = ?, "updatedAt" = ? WHERE id = ?')
      .run(isConsoleAdmin([...unique.values()]) ? 'admin' : 'user', new Date().toISOString(), userId);
  })();
}
