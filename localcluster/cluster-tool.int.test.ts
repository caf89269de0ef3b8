import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCluster } from './harness';

function pids(): string[] {
  const dir = join(process.env.RINGSIDE_CLUSTERS_DIR ?? join(process.env.HOME ?? '', '.ringside', 'clusters'), 'demo');
  return [1, 2, 3].map((i) => readFileSync(join(dir, `node${i}`, 'node.pid'), 'utf8').trim());
}

describe('the local-cluster tool', () => {
  it('`up` on a running cluster says so and changes nothing', () => {
    const before = pids();
    const result = runCluster(['up']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('cluster demo is already running (3 nodes); nothing changed');
    expect(pids()).toEqual(before);
  });

  it('`up` of a second cluster on taken ports names the port and leaves nothing behind', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ringside-clash-')), 'clash');
    const result = runCluster(['up', '--name', 'clash', '--dir', dir, '--nodes', '1', '--dcs', '1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('port 127.0.0.1:9042 is taken by another process');
    expect(result.stderr).toContain('CQL native transport of node 1');
    expect(existsSync(join(dir, 'cluster.json'))).toBe(false);
  });

  it('a command on a node that does not exist says which nodes do', () => {
    const result = runCluster(['kill', '9']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no node "9" in cluster demo: it has nodes 1, 2, 3');
  });
});
