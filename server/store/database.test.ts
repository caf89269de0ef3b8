import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleIdentity, LATEST_SCHEMA_VERSION, migrate, openStore } from './database';

describe('console store', () => {
  it('creates its schema once and keeps its identity across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-store-'));
    const first = openStore(dir);
    const identity = consoleIdentity(first);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(9);
    expect(identity.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // Migration 9: repair schedules, one per keyspace of a cluster.
    expect(
      first.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'repair_schedules'").get(),
    ).toEqual({ name: 'repair_schedules' });
    expect(identity.instanceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(migrate(first)).toBe(0);
    first.close();

    const reopened = openStore(dir);
    expect(consoleIdentity(reopened)).toEqual(identity);
    reopened.close();
  });
});
