import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cassandraYaml } from './node-config';
import { findJava17 } from './prerequisites';
import {
  clusterEntry,
  ensureCa,
  generatePassword,
  hasOpenssl,
  issueNodeKeystore,
  replicationCql,
  SecurePaths,
  securityYaml,
  systemAuthReplication,
  type CertTool,
} from './secure-cql';
import { ClusterPaths, type ClusterState } from './state';
import { nodeSpec } from './topology';

const node = nodeSpec(1, 'dc1', true, ['0'], 20);

function freshSecure(): SecurePaths {
  return new SecurePaths(new ClusterPaths(mkdtempSync(join(tmpdir(), 'ringside-secure-'))));
}

/** The certificate inside a node keystore, as openssl prints it. */
function certificateText(secure: SecurePaths, file: string): string {
  const password = readFileSync(secure.keystorePasswordFile, 'utf8').trim();
  const pem = spawnSync('openssl', ['pkcs12', '-in', file, '-nokeys', '-clcerts', '-passin', `pass:${password}`], {
    encoding: 'utf8',
  });
  expect(pem.status, pem.stderr).toBe(0);
  return spawnSync('openssl', ['x509', '-noout', '-text'], { input: pem.stdout, encoding: 'utf8' }).stdout;
}

function verifies(secure: SecurePaths, file: string): boolean {
  const password = readFileSync(secure.keystorePasswordFile, 'utf8').trim();
  const pem = spawnSync('openssl', ['pkcs12', '-in', file, '-nokeys', '-clcerts', '-passin', `pass:${password}`], {
    encoding: 'utf8',
  }).stdout;
  return spawnSync('openssl', ['verify', '-CAfile', secure.caPem], { input: pem, encoding: 'utf8' }).status === 0;
}

const tools: { name: string; tool: () => CertTool }[] = [
  { name: 'openssl', tool: () => ({ kind: 'openssl' }) },
  { name: 'keytool', tool: () => ({ kind: 'keytool', keytool: join(findJava17(), '..', 'keytool') }) },
];

describe.skipIf(!hasOpenssl())('certificates for --tls', () => {
  for (const { name, tool } of tools) {
    it(`with ${name}: a CA, and a node keystore signed by it naming the node's IP`, () => {
      const secure = freshSecure();
      ensureCa(secure, tool(), 'secure');
      issueNodeKeystore(secure, tool(), node, [node.address], secure.keystore(1));
      const text = certificateText(secure, secure.keystore(1));
      expect(text).toContain('IP Address:127.0.0.21');
      expect(verifies(secure, secure.keystore(1))).toBe(true);
      expect(statSync(secure.keystore(1)).mode & 0o777).toBe(0o600);
      expect(statSync(secure.keystorePasswordFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(secure.caPem, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    }, 60_000);
  }
});

describe('secure cluster configuration', () => {
  it('renders PasswordAuthenticator, CassandraAuthorizer and mandatory client TLS with the node keystore', () => {
    const secure = freshSecure();
    const cluster = { name: 'secure', vnodes: 1, nodes: [node] };
    const yaml = cassandraYaml(cluster, node, securityYaml({ auth: true, tls: true }, secure, node));
    expect(yaml).toContain('authenticator: PasswordAuthenticator');
    expect(yaml).toContain('authorizer: CassandraAuthorizer');
    expect(yaml).toMatch(/client_encryption_options:\n {2}enabled: true\n {2}optional: false\n/);
    expect(yaml).toContain(`  keystore: ${secure.keystore(1)}`);
    expect(yaml).toContain('  store_type: PKCS12');
    const plain = cassandraYaml(cluster, node);
    expect(plain).toContain('authenticator: AllowAllAuthenticator');
    expect(plain).toContain('authorizer: AllowAllAuthorizer');
    expect(plain).not.toContain('client_encryption_options');
  });

  it('replicates system_auth to every DC, at most 3 per DC', () => {
    const replication = systemAuthReplication([...Array.from({ length: 4 }, () => ({ dc: 'dc1' })), { dc: 'dc2' }]);
    expect(replication).toEqual({ dc1: 3, dc2: 1 });
    expect(replicationCql(replication)).toBe(
      "ALTER KEYSPACE system_auth WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 1}",
    );
  });

  it('never hands out the same password twice', () => {
    const passwords = new Set(Array.from({ length: 20 }, generatePassword));
    expect(passwords.size).toBe(20);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('points the console at the password file and the CA, with no password in the entry', () => {
    const secure = freshSecure();
    const cluster = { name: 'secure', nodes: [node] } as unknown as ClusterState;
    expect(clusterEntry(cluster, { auth: true, tls: true }, secure)).toEqual({
      id: 'secure',
      name: 'Local cluster secure',
      contactPoints: ['127.0.0.21'],
      localDataCenter: 'dc1',
      credentials: { username: 'ringside_admin', passwordFile: secure.passwordFile },
      tls: { caFile: secure.caPem, rejectUnauthorized: true },
    });
  });
});
