import { describe, expect, it } from 'vitest';
import { cassandraYaml, renderTemplate } from './node-config';
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
