import 'server-only';
/**
 * The console's own state — what must outlive a restart — in one embedded SQLite file,
 * `dataDir/ringside.db`. The tables that exist today:
 *   schema_migrations  which numbered migration ran when (below; append only)
 *   console_meta       this console's identity: instance_id, created_at
 *   cluster_events     node down/up, schema changes, collector gaps, marked on charts (events.ts; retention in config `store`)
 *   query_history      the workbench's runs, newest 1000 per cluster, passwords masked (query-history.ts)
 *   saved_queries      named workbench statements, passwords masked (query-history.ts)
 * Each domain reads and writes its tables through its own module (one repository per domain), so a
 * second backend can stand behind the same functions. Schema changes are numbered migrations
 * applied once, in order, inside a transaction.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readRow, readRows } from './rows';

export type Store = Database.Database;

/** Append only: a shipped migration is never edited, a new one is added. */
const MIGRATIONS: { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'console identity',
    sql: `CREATE TABLE console_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    version: 2,
    description: 'cluster events marked on charts',
    sql: `CREATE TABLE cluster_events (id INTEGER PRIMARY KEY AUTOINCREMENT, cluster TEXT NOT NULL, ts INTEGER NOT NULL, kind TEXT NOT NULL, node TEXT, detail TEXT NOT NULL);
          CREATE INDEX cluster_events_by_time ON cluster_events (cluster, ts);`,
  },
  {
    version: 3,
    description: 'workbench history and saved queries',
    sql: `CREATE TABLE query_history (id INTEGER PRIMARY KEY AUTOINCREMENT, cluster TEXT NOT NULL, keyspace TEXT, statement TEXT NOT NULL,
            ran_at INTEGER NOT NULL, took_ms INTEGER NOT NULL, outcome TEXT NOT NULL, rows INTEGER, error TEXT);
          CREATE INDEX query_history_by_time ON query_history (cluster, ran_at);
          CREATE TABLE saved_queries (id INTEGER PRIMARY KEY AUTOINCREMENT, cluster TEXT NOT NULL, name TEXT NOT NULL, keyspace TEXT,
            statement TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (cluster, name));`,
  },
];

export function openStore(dataDir: string): Store {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, 'ringside.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

export function migrate(db: Store): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    readRows(
      'schema_migrations',
      z.object({ version: z.number().int() }),
      db.prepare('SELECT version FROM schema_migrations').all(),
    ).map((row) => row.version),
  );
  let count = 0;
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.description,
        new Date().toISOString(),
      );
    })();
    count++;
  }
  db.prepare('INSERT OR IGNORE INTO console_meta (key, value) VALUES (?, ?)').run('instance_id', randomUUID());
  db.prepare('INSERT OR IGNORE INTO console_meta (key, value) VALUES (?, ?)').run(
    'created_at',
    new Date().toISOString(),
  );
  return count;
}

export function consoleIdentity(db: Store): { instanceId: string; createdAt: string; schemaVersion: number } {
  const meta = new Map(
    readRows(
      'console_meta',
      z.object({ key: z.string(), value: z.string() }),
      db.prepare('SELECT key, value FROM console_meta').all(),
    ).map((row) => [row.key, row.value]),
  );
  const version = readRow(
    'schema_migrations',
    z.object({ v: z.number().int() }),
    db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get(),
  );
  const instanceId = meta.get('instance_id');
  const createdAt = meta.get('created_at');
  if (!version || !instanceId || !createdAt) throw new Error('the console store has no identity: it was not migrated');
  return { instanceId, createdAt, schemaVersion: version.v };
}
