/** Writes one node's conf folder from the project's templates: cassandra.yaml, rackdc, logback. */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findJava17 } from './prerequisites';
import { certTool, ensureNodeKeystore, SecurePaths, securityYaml, type SecurityOptions } from './secure-cql';
import type { ClusterPaths, ClusterState } from './state';
import type { NodeSpec } from './topology';

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), 'templates');

export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template value "${key}" is missing`);
    return value;
  });
}

export function cassandraYaml(
  cluster: Pick<ClusterState, 'name' | 'vnodes' | 'nodes'>,
  node: NodeSpec,
  security: Pick<ReturnType<typeof securityYaml>, 'authenticator' | 'authorizer' | 'client_encryption'> = {
    authenticator: 'AllowAllAuthenticator',
    authorizer: 'AllowAllAuthorizer',
    client_encryption: '',
  },
): string {
  const seeds = cluster.nodes
    .filter((n) => n.seed)
    .map((n) => `${n.address}:${n.storagePort}`)
    .join(',');
  const joinsLater = node.initialTokens.length === 0;
  return renderTemplate(readFileSync(join(TEMPLATES, 'cassandra.yaml'), 'utf8'), {
    node: String(node.index),
    cluster_name: cluster.name,
    num_tokens: String(joinsLater ? cluster.vnodes : node.initialTokens.length),
    initial_token: joinsLater ? '' : node.initialTokens.join(','),
    auto_bootstrap: String(joinsLater),
    // A node that joins later picks tokens that balance the ring for RF 3, as `nodetool` users expect.
    allocate_tokens: joinsLater ? 'allocate_tokens_for_local_replication_factor: 3' : '',
    seeds,
    address: node.address,
    storage_port: String(node.storagePort),
    native_port: String(node.nativePort),
    ...security,
  });
}

export function writeNodeConfig(paths: ClusterPaths, cluster: ClusterState, node: NodeSpec): void {
  const conf = paths.confDir(node.index);
  mkdirSync(conf, { recursive: true });
  mkdirSync(paths.logsDir(node.index), { recursive: true });
  const security: SecurityOptions = cluster.security;
  const secure = new SecurePaths(paths);
  if (security.tls) ensureNodeKeystore(secure, () => certTool(findJava17), cluster, node);
  // Mode 600: with --tls it holds the keystore password.
  const yaml = join(conf, 'cassandra.yaml');
  writeFileSync(yaml, cassandraYaml(cluster, node, securityYaml(security, secure, node)), { mode: 0o600 });
  chmodSync(yaml, 0o600);
  writeFileSync(
    join(conf, 'cassandra-rackdc.properties'),
    `# Written by Ringside's local-cluster tool.\ndc=${node.dc}\nrack=${node.rack}\n`,
  );
  writeFileSync(join(conf, 'logback.xml'), readFileSync(join(TEMPLATES, 'logback.xml'), 'utf8'));
  writeFileSync(join(conf, 'logback-tools.xml'), readFileSync(join(TEMPLATES, 'logback-tools.xml'), 'utf8'));
}

export function ensureDir(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}
