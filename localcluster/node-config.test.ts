import { describe, expect, it } from 'vitest';
import { cassandraYaml, renderTemplate, toCassandra40Names } from './node-config';
import { parseJavaMajor } from './prerequisites';
import { nodeSpec } from './topology';

describe('node configuration', () => {
  const second = nodeSpec(2, 'dc1', true, ['-4611686018427387904', '4611686018427387904']);
  const nodes = [nodeSpec(1, 'dc1', true, ['-9223372036854775808', '0']), second];
  const cluster = { name: 'demo', vnodes: 2, nodes };

  it('gives an initial node its own tokens, every seed, and no bootstrap', () => {
    const yaml = cassandraYaml(cluster, second);
    expect(yaml).toContain("cluster_name: 'demo'");
    expect(yaml).toContain('initial_token: -4611686018427387904,4611686018427387904');
    expect(yaml).toContain('num_tokens: 2');
    expect(yaml).toContain('auto_bootstrap: false');
    expect(yaml).toContain('seeds: "127.0.0.1:7000,127.0.0.2:7000"');
    expect(yaml).toContain('listen_address: 127.0.0.2');
    expect(yaml).not.toContain('allocate_tokens_for_local_replication_factor');
  });

  it('lets a node added later bootstrap and allocate its tokens', () => {
    const added = nodeSpec(3, 'dc2', false, []);
    const yaml = cassandraYaml({ ...cluster, nodes: [...nodes, added] }, added);
    expect(yaml).toContain('auto_bootstrap: true');
    expect(yaml).toContain('allocate_tokens_for_local_replication_factor: 3');
    expect(yaml).toMatch(/initial_token: *\n/);
    expect(yaml).toContain('seeds: "127.0.0.1:7000,127.0.0.2:7000"');
  });

  it('writes 5.0 settings with their 4.1 names and the 5.0-only compatibility mode', () => {
    const yaml = cassandraYaml({ ...cluster, cassandraVersion: '5.0.9' }, second);
    expect(yaml).toContain('storage_compatibility_mode: NONE');
    expect(yaml).toContain('commitlog_sync_period: 10000ms');
  });

  it('leaves out storage_compatibility_mode for 4.1, which does not know it', () => {
    const yaml = cassandraYaml({ ...cluster, cassandraVersion: '4.1.10' }, second);
    expect(yaml).not.toContain('storage_compatibility_mode');
    expect(yaml).toContain('max_hint_window: 3h');
    expect(yaml).toContain('materialized_views_enabled: true');
  });

  it('gives 4.0 its own setting names with unit-less values', () => {
    const yaml = cassandraYaml({ ...cluster, cassandraVersion: '4.0.19' }, second);
    expect(yaml).not.toContain('storage_compatibility_mode');
    expect(yaml).toContain('commitlog_sync_period_in_ms: 10000');
    expect(yaml).toContain('commitlog_segment_size_in_mb: 32');
    expect(yaml).toContain('compaction_throughput_mb_per_sec: 64');
    expect(yaml).toContain('max_hint_window_in_ms: 10800000');
    expect(yaml).toContain('request_timeout_in_ms: 10000');
    expect(yaml).toContain('enable_materialized_views: true');
    expect(yaml).toContain('prepared_statements_cache_size_mb: 8');
    // No 4.1 name is left behind (4.0 fails at start-up on an unknown key).
    expect(yaml).not.toMatch(/^(max_hint_window|materialized_views_enabled|key_cache_size|read_request_timeout):/m);
  });

  it('refuses a 4.1 value it cannot express in 4.0 units', () => {
    expect(() => toCassandra40Names('max_hint_window: 3d')).toThrow(/milliseconds/);
    expect(() => toCassandra40Names('key_cache_size: 8GiB')).toThrow(/MiB/);
  });

  it('refuses a template value it was not given', () => {
    expect(() => renderTemplate('a {{missing}} b', {})).toThrow(/"missing" is missing/);
  });

  it('reads Java major versions old and new', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });
});
