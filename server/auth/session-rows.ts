import 'server-only';
/**
 * A read of better-auth's own session and user rows, for the hot path of every request (principal.ts):
 * one synchronous indexed lookup, where better-auth's `getSession` costs about a millisecond. Only
 * better-auth writes these tables; this repository only reads them.
 */
import { z } from 'zod';
import { getStore } from '../store';
import type { Store } from '../store/database';
import { readRow } from '../store/rows';

const liveSessionSchema = z.object({
  createdAt: z.string(),
  expiresAt: z.string(),
  updatedAt: z.string(),
  banned: z.number().int().nullable(),
  banExpires: z.string().nullable(),
});

export interface LiveSession {
  createdAt: Date;
  expiresAt: Date;
  updatedAt: Date;
  /** The user is disabled (better-auth's ban), until `banExpires` when one is set. */
  banned: boolean;
}

export function liveSession(token: string, store: Store = getStore()): LiveSession | null {
  const row = readRow(
    'session',
    liveSessionSchema,
    store
      .prepare(
        `SELECT s."createdAt", s."expiresAt", s."updatedAt", u.banned, u."banExpires" FROM "session" s JOIN "user" u ON u.id = s."userId"
         WHERE s.token = ?`,
      )
      .get(token),
  );
  if (!row) return null;
  const banExpires = row.banExpires === null ? null : new Date(row.banExpires);
  return {
    createdAt: new Date(row.createdAt),
    expiresAt: new Date(row.expiresAt),
    updatedAt: new Date(row.updatedAt),
    banned: row.banned === 1 && (banExpires === null || banExpires.getTime() > Date.now()),
  };
}

/** A user's email by id, or null when there is no such user. */
export function emailOfUser(userId: string, store: Store = getStore()): string | null {
  const row = readRow(
    'user',
    z.object({ email: z.string() }),
    store.prepare('SELECT email FROM "user" WHERE id = ?').get(userId),
  );
  return row?.email ?? null;
}
