import { describe, expect, it } from 'vitest';
import { isSystemKeyspace } from './system-keyspaces';

describe('isSystemKeyspace', () => {
  it("flags Cassandra's own keyspaces", () => {
    for (const name of [
      'system',
      'system_schema',
      'system_auth',
      'system_distributed',
      'system_traces',
      'system_views',
      'system_virtual_schema',
    ])
      expect(isSystemKeyspace(name), name).toBe(true);
  });

  it("leaves a user's keyspace alone, even one whose name begins with system", () => {
    for (const name of ['shop', 'ringside', 'systems', 'systemd_logs', 'System', 'my_system'])
      expect(isSystemKeyspace(name), name).toBe(false);
  });
});
