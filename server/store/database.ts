import 'server-only';
/**
 * The console's own state — what must outlive a restart — in one embedded SQLite file,
 * `dataDir/ringside.db`. The tables that exist today:
 *   schema_migrations  which numbered migration ran when (below; append only)
 *   console_meta       this console's identity: instance_id, created_at
 *   cluster_events     node down/up, schema changes, collector gaps, marked on charts (events.ts; retention in config `store`)
 *   query_history      the workbench's runs, newest 1000 per cluster, passwords masked (query-history.ts)
 *   saved_queries      named workbench statements, passwords masked (query-history.ts)
 *   user, session, account, verification   better-auth's own tables, as its `generate` prints them
 *                      for its admin plugin (server/auth/auth.ts checks at start-up that nothing is missing)
 *   user_grants        a user's role per cluster, or for every cluster ('*') (server/auth/grants.ts)
 *   audit_log          who did what, when, and how it ended (server/audit/audit-log.ts)
 *   notify_*           notification destinations, notifications, their outbox and delivery attempts
 *                      (server/notify/destination-store.ts, outbox-store.ts)
 *   jobs, job_steps, job_log   operations run on the cluster, per-node steps, append-only log (server/jobs/job-store.ts)
 *   repair_schedules   repair runs every N days from a start time, per keyspace (server/repair/schedule-store.ts)
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
  {
    version: 4,
    description: 'logins (better-auth 1.7 with its admin plugin)',
    sql: `create table "user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" integer not null,
            "image" text, "createdAt" date not null, "updatedAt" date not null, "role" text, "banned" integer, "banReason" text, "banExpires" date);
          create table "session" ("id" text not null primary key, "expiresAt" date not null, "token" text not null unique, "createdAt" date not null,
            "updatedAt" date not null, "ipAddress" text, "userAgent" text, "userId" text not null references "user" ("id") on delete cascade, "impersonatedBy" text);
          create table "account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null,
            "userId" text not null references "user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text,
            "accessTokenExpiresAt" date, "refreshTokenExpiresAt" date, "scope" text, "password" text, "createdAt" date not null, "updatedAt" date not null);
          create table "verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" date not null,
            "createdAt" date not null, "updatedAt" date not null);
          create index "session_userId_idx" on "session" ("userId");
          create index "account_userId_idx" on "account" ("userId");
          create index "verification_identifier_idx" on "verification" ("identifier");`,
  },
  {
    version: 5,
    description: 'roles per cluster and the audit log',
    sql: `CREATE TABLE user_grants (user_id TEXT NOT NULL REFERENCES "user" ("id") ON DELETE CASCADE, cluster TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')), PRIMARY KEY (user_id, cluster));
          CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user_id TEXT, user_email TEXT, role TEXT,
            ip TEXT, user_agent TEXT, action TEXT NOT NULL, cluster TEXT, target TEXT, params TEXT, outcome TEXT NOT NULL,
            detail TEXT, request_id TEXT);
          CREATE INDEX audit_log_by_time ON audit_log (at);
          CREATE INDEX audit_log_by_user ON audit_log (user_email, at);`,
  },
  {
    version: 6,
    description: 'notification destinations, notifications, their outbox and delivery attempts',
    sql: `CREATE TABLE notify_destinations (id TEXT PRIMARY KEY, name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('webhook', 'slack', 'pagerduty')), url TEXT NOT NULL, format TEXT,
            secret TEXT, old_secret TEXT, routing_key TEXT, types TEXT NOT NULL, clusters TEXT,
            enabled INTEGER NOT NULL, disabled_reason TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
          CREATE TABLE notify_notifications (id TEXT PRIMARY KEY, type TEXT NOT NULL, cluster TEXT NOT NULL,
            occurred_at INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
          CREATE TABLE notify_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,
            notification_id TEXT NOT NULL REFERENCES notify_notifications (id) ON DELETE CASCADE,
            destination_id TEXT NOT NULL REFERENCES notify_destinations (id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('queued', 'delivering', 'delivered', 'failed', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0, retries INTEGER NOT NULL DEFAULT 0, queued_at INTEGER NOT NULL,
            next_attempt_at INTEGER NOT NULL, claimed_by TEXT, claimed_at INTEGER, last_attempt_at INTEGER,
            last_status INTEGER, last_error TEXT, last_response TEXT, last_latency_ms INTEGER, finished_at INTEGER,
            UNIQUE (notification_id, destination_id));
          CREATE INDEX notify_outbox_due ON notify_outbox (destination_id, state, next_attempt_at);
          CREATE INDEX notify_outbox_by_state ON notify_outbox (state, next_attempt_at);
          CREATE INDEX notify_outbox_finished ON notify_outbox (finished_at);
          CREATE TABLE notify_attempts (id INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_id INTEGER NOT NULL REFERENCES notify_outbox (id) ON DELETE CASCADE, attempt INTEGER NOT NULL,
            started_at INTEGER NOT NULL, latency_ms INTEGER NOT NULL, status INTEGER, outcome TEXT NOT NULL, error TEXT,
            response TEXT);
          CREATE INDEX notify_attempts_by_delivery ON notify_attempts (delivery_id, id);`,
  },
  {
    version: 7,
    description: 'alert rules from the UI, instance states, incidents and silences',
    sql: `CREATE TABLE alert_rules (id TEXT PRIMARY KEY, body TEXT NOT NULL, updated_by TEXT, updated_at INTEGER NOT NULL);
          CREATE TABLE alert_instances (fingerprint TEXT PRIMARY KEY, cluster TEXT NOT NULL, rule_id TEXT NOT NULL,
            labels TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('normal', 'pending', 'firing', 'recovering')),
            since INTEGER NOT NULL, fired_at INTEGER, value REAL, detail TEXT NOT NULL, updated_at INTEGER NOT NULL);
          CREATE INDEX alert_instances_by_cluster ON alert_instances (cluster, state);
          CREATE TABLE alert_incidents (id TEXT PRIMARY KEY, cluster TEXT NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL,
            severity TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')), opened_at INTEGER NOT NULL,
            resolved_at INTEGER, notified_firing INTEGER NOT NULL DEFAULT 0, notified_resolved INTEGER NOT NULL DEFAULT 0,
            members TEXT NOT NULL, muted TEXT NOT NULL, updated_at INTEGER NOT NULL);
          CREATE UNIQUE INDEX alert_incidents_open_key ON alert_incidents (key) WHERE state = 'firing';
          CREATE INDEX alert_incidents_by_time ON alert_incidents (cluster, opened_at);
          CREATE TABLE alert_silences (id TEXT PRIMARY KEY, matchers TEXT NOT NULL, starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL, created_by TEXT NOT NULL, comment TEXT NOT NULL, created_at INTEGER NOT NULL,
            expired_at INTEGER);`,
  },
  {
    version: 8,
    description: 'operation jobs, their per-node steps and logs',
    sql: `CREATE TABLE jobs (id TEXT PRIMARY KEY, cluster TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL,
            params TEXT NOT NULL, rolling TEXT,
            state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled', 'interrupted')),
            message TEXT, requested_by TEXT, requested TEXT, owner TEXT, created_at INTEGER NOT NULL, started_at INTEGER,
            finished_at INTEGER, updated_at INTEGER NOT NULL);
          CREATE INDEX jobs_by_cluster ON jobs (cluster, created_at);
          CREATE INDEX jobs_by_state ON jobs (state);
          CREATE TABLE job_steps (job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            node TEXT NOT NULL, dc TEXT, rack TEXT,
            state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'failed', 'cancelled', 'skipped')),
            started_at INTEGER, ended_at INTEGER, message TEXT, PRIMARY KEY (job_id, seq));
          CREATE TABLE job_log (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
            at INTEGER NOT NULL, line TEXT NOT NULL);
          CREATE INDEX job_log_by_job ON job_log (job_id, id);`,
  },
  {
    version: 9,
    description: 'repair schedules',
    sql: `CREATE TABLE repair_schedules (id TEXT PRIMARY KEY, cluster TEXT NOT NULL, keyspace TEXT NOT NULL,
            settings TEXT NOT NULL, interval_days INTEGER NOT NULL CHECK (interval_days >= 1),
            first_start_at INTEGER NOT NULL, enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
            created_by TEXT, created_at INTEGER NOT NULL, updated_by TEXT, updated_at INTEGER NOT NULL,
            next_due_at INTEGER NOT NULL, next_check_at INTEGER NOT NULL,
            last_run_id TEXT, last_run_at INTEGER,
            last_event TEXT CHECK (last_event IN ('started', 'postponed', 'failed')), last_event_at INTEGER, last_message TEXT,
            UNIQUE (cluster, keyspace));
          CREATE INDEX repair_schedules_due ON repair_schedules (enabled, next_check_at);`,
  },
];

/** The version a fully migrated store reports. */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

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
