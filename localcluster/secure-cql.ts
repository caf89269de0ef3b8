/**
 * `up --auth --tls`: a local cluster that asks for a password and speaks CQL over TLS only, the way a
 * production cluster does, so the console's credentials, CA and host-name checks meet the real thing.
 *
 * - TLS: a CA made for this cluster, and per node a PKCS12 keystore whose certificate names the node's
 *   IP (an IP SAN: the driver dials addresses, never names). openssl when present, else the keytool of
 *   the Java 17 the tool already found. Client-to-node only; the nodes talk to each other in plain.
 * - Auth: PasswordAuthenticator + CassandraAuthorizer; on the first start `system_auth` is replicated
 *   to every DC, a superuser with a generated password replaces `cassandra`/`cassandra`, and the
 *   `cassandra` role loses login and superuser.
 * What a client needs lands in `<cluster>/client/`: `ca.pem`, `password` and `credentials.json` (600),
 * and `ringside-cluster.json`, a cluster entry for ringside.config.json.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import cassandra from 'cassandra-driver';
import type { ClusterPaths, ClusterState } from './state';
import type { NodeSpec } from './topology';

export interface SecurityOptions {
  auth: boolean;
  tls: boolean;
}

export const NO_SECURITY: SecurityOptions = { auth: false, tls: false };

/** The superuser the tool creates; `cassandra` is disabled once it exists. */
export const ADMIN_ROLE = 'ringside_admin';

export class SecureSetupError extends Error {}

/** Where the generated material lives in a cluster's folder. */
export class SecurePaths {
  constructor(private readonly paths: ClusterPaths) {}
  get tlsDir(): string {
    return join(this.paths.dir, 'tls');
  }
  get clientDir(): string {
    return join(this.paths.dir, 'client');
  }
  get caKey(): string {
    return join(this.tlsDir, 'ca.key');
  }
  get caPem(): string {
    return join(this.clientDir, 'ca.pem');
  }
  /** The password of every node's keystore (Cassandra's keystore_password), never shown to clients. */
  get keystorePasswordFile(): string {
    return join(this.tlsDir, 'keystore-password');
  }
  keystore(index: number): string {
    return join(this.tlsDir, `node${index}.p12`);
  }
  get passwordFile(): string {
    return join(this.clientDir, 'password');
  }
  get credentialsFile(): string {
    return join(this.clientDir, 'credentials.json');
  }
  get clusterEntryFile(): string {
    return join(this.clientDir, 'ringside-cluster.json');
  }
}

/** A password from the OS's random source: 24 bytes, URL-safe base64, nothing a shell or CQL string needs escaped. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

function writeSecret(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, content, { mode: 0o600 });
  // writeFileSync's mode applies only when it creates the file.
  chmodSync(file, 0o600);
}

function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input });
  if (result.error || result.status !== 0)
    throw new SecureSetupError(
      `${command} ${args[0] ?? ''} failed (${result.error?.message ?? `exit ${result.status}`}): ${(result.stderr ?? '').trim().slice(-800)}`,
    );
  return result.stdout;
}

export function hasOpenssl(): boolean {
  const result = spawnSync('openssl', ['version'], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

export type CertTool = { kind: 'openssl' } | { kind: 'keytool'; keytool: string };

/** openssl if it is on the PATH, else keytool beside the given java binary. */
export function certTool(java: () => string): CertTool {
  if (hasOpenssl()) return { kind: 'openssl' };
  const keytool = join(dirname(java()), 'keytool');
  if (!existsSync(keytool))
    throw new SecureSetupError(
      `--tls needs openssl or Java's keytool; neither was found (looked for ${keytool}). Install openssl with \`apt-get install -y openssl\`.`,
    );
  return { kind: 'keytool', keytool };
}

function keystorePassword(secure: SecurePaths): string {
  if (!existsSync(secure.keystorePasswordFile)) writeSecret(secure.keystorePasswordFile, generatePassword());
  return readFileSync(secure.keystorePasswordFile, 'utf8').trim();
}

/** The cluster's CA: made once, kept for every node added later. keytool keeps it in ca.p12 instead of ca.key. */
export function ensureCa(secure: SecurePaths, tool: CertTool, clusterName: string): void {
  if (existsSync(secure.caPem)) return;
  mkdirSync(secure.tlsDir, { recursive: true, mode: 0o700 });
  mkdirSync(secure.clientDir, { recursive: true, mode: 0o700 });
  const subject = `Ringside local CA for cluster ${clusterName}`;
  if (tool.kind === 'openssl') {
    run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      secure.caKey,
      '-out',
      secure.caPem,
      '-days',
      '3650',
      '-subj',
      `/CN=${subject}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    chmodSync(secure.caKey, 0o600);
  } else {
    const password = keystorePassword(secure);
    const store = join(secure.tlsDir, 'ca.p12');
    run(tool.keytool, [
      '-genkeypair',
      ...['-keystore', store, '-storetype', 'PKCS12', '-storepass', password, '-alias', 'ca'],
      ...['-keyalg', 'RSA', '-keysize', '2048', '-validity', '3650', '-dname', `CN=${subject}`],
      ...['-ext', 'bc:c', '-ext', 'ku:c=keyCertSign,cRLSign'],
    ]);
    writeFileSync(
      secure.caPem,
      run(tool.keytool, ['-exportcert', '-rfc', '-keystore', store, '-storepass', password, '-alias', 'ca']),
    );
  }
}

/**
 * A keystore for one node, its certificate signed by the cluster's CA and naming `ips` (the node's
 * own address; a test may name another to provoke a host-name mismatch). Overwrites what is there.
 */
export function issueNodeKeystore(secure: SecurePaths, tool: CertTool, node: NodeSpec, ips: string[], file: string) {
  const password = keystorePassword(secure);
  const san = ips.map((ip) => `IP:${ip}`).join(',');
  rmSync(file, { force: true });
  if (tool.kind === 'openssl') {
    const key = `${file}.key`;
    const csr = `${file}.csr`;
    const cert = `${file}.pem`;
    const extensions = `${file}.ext`;
    try {
      run('openssl', [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        csr,
        '-subj',
        `/CN=node${node.index}`,
      ]);
      writeFileSync(
        extensions,
        `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`,
      );
      run('openssl', [
        'x509',
        '-req',
        ...[
          '-in',
          csr,
          '-CA',
          secure.caPem,
          '-CAkey',
          secure.caKey,
          '-CAserial',
          join(secure.tlsDir, 'ca.srl'),
          '-CAcreateserial',
        ],
        ...['-out', cert, '-days', '825', '-sha256', '-extfile', extensions],
      ]);
      run('openssl', [
        'pkcs12',
        '-export',
        ...['-inkey', key, '-in', cert, '-certfile', secure.caPem, '-name', 'node'],
        ...['-out', file, '-passout', `pass:${password}`],
      ]);
    } finally {
      for (const f of [key, csr, cert, extensions]) rmSync(f, { force: true });
    }
  } else {
    const ca = join(secure.tlsDir, 'ca.p12');
    const store = ['-keystore', file, '-storetype', 'PKCS12', '-storepass', password];
    run(tool.keytool, [
      '-genkeypair',
      ...store,
      ...['-alias', 'node', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '825', '-dname', `CN=node${node.index}`],
    ]);
    const request = run(tool.keytool, ['-certreq', ...store, '-alias', 'node']);
    const signed = run(
      tool.keytool,
      [
        '-gencert',
        ...['-keystore', ca, '-storetype', 'PKCS12', '-storepass', password, '-alias', 'ca', '-rfc'],
        ...['-validity', '825', '-ext', `san=${ips.map((ip) => `ip:${ip}`).join(',')}`, '-ext', 'eku=serverAuth'],
      ],
      request,
    );
    run(tool.keytool, ['-importcert', ...store, '-alias', 'ca', '-file', secure.caPem, '-noprompt']);
    const signedFile = `${file}.pem`;
    writeFileSync(signedFile, signed);
    try {
      run(tool.keytool, ['-importcert', ...store, '-alias', 'node', '-file', signedFile, '-noprompt']);
    } finally {
      rmSync(signedFile, { force: true });
    }
  }
  chmodSync(file, 0o600);
}

/** The node's keystore, made on its first start (nodes added later get theirs then). */
export function ensureNodeKeystore(secure: SecurePaths, tool: () => CertTool, cluster: ClusterState, node: NodeSpec) {
  if (existsSync(secure.keystore(node.index))) return;
  const chosen = tool();
  ensureCa(secure, chosen, cluster.name);
  issueNodeKeystore(secure, chosen, node, [node.address], secure.keystore(node.index));
}

/** The cassandra.yaml lines that differ for a secure cluster (template values of node-config.ts). */
export function securityYaml(
  security: SecurityOptions,
  secure: SecurePaths,
  node: NodeSpec,
): { authenticator: string; authorizer: string; client_encryption: string } {
  const clientEncryption = security.tls
    ? [
        'client_encryption_options:',
        '  enabled: true',
        // Not optional: a plain-text client is refused, as on a cluster that requires TLS.
        '  optional: false',
        `  keystore: ${secure.keystore(node.index)}`,
        `  keystore_password: '${keystorePassword(secure)}'`,
        '  store_type: PKCS12',
        '  require_client_auth: false',
      ].join('\n')
    : '';
  return {
    authenticator: security.auth ? 'PasswordAuthenticator' : 'AllowAllAuthenticator',
    authorizer: security.auth ? 'CassandraAuthorizer' : 'AllowAllAuthorizer',
    client_encryption: clientEncryption,
  };
}

/** `system_auth` replicated to every DC: min(3, nodes in the DC) each, as the Cassandra docs advise. */
export function systemAuthReplication(nodes: Pick<NodeSpec, 'dc'>[]): Record<string, number> {
  const perDc = new Map<string, number>();
  for (const node of nodes) perDc.set(node.dc, (perDc.get(node.dc) ?? 0) + 1);
  return Object.fromEntries([...perDc.entries()].sort().map(([dc, count]) => [dc, Math.min(3, count)]));
}

export function replicationCql(replication: Record<string, number>): string {
  const dcs = Object.entries(replication).map(([dc, rf]) => `'${dc}': ${rf}`);
  return `ALTER KEYSPACE system_auth WITH replication = {'class': 'NetworkTopologyStrategy', ${dcs.join(', ')}}`;
}

/** Driver options for the tool's own CQL session with a secure cluster. */
export function clientOptions(
  security: SecurityOptions,
  secure: SecurePaths,
  node: NodeSpec,
  username: string,
  password: string,
): cassandra.ClientOptions {
  return {
    contactPoints: [`${node.address}:${node.nativePort}`],
    localDataCenter: node.dc,
    credentials: security.auth ? { username, password } : undefined,
    sslOptions: security.tls ? { ca: [readFileSync(secure.caPem)], rejectUnauthorized: true } : undefined,
    socketOptions: { connectTimeout: 5000, readTimeout: 20_000 },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectWhenReady(options: cassandra.ClientOptions, timeoutMs: number): Promise<cassandra.Client> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new cassandra.Client(options);
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.shutdown().catch(() => undefined);
      // Cassandra creates the default role superuser_setup_delay_ms (10 s) after start: until then the login fails.
      if (Date.now() > deadline)
        throw new SecureSetupError(
          `could not log in as ${options.credentials?.username ?? 'cassandra'} within ${timeoutMs / 1000} s: ${(error as Error).message}`,
        );
      await sleep(1000);
    }
  }
}

export interface SecureSetupContext {
  paths: ClusterPaths;
  log: (line: string) => void;
  timeoutMs: number;
  /** `nodetool <args>` on one node; throws on failure. */
  nodetool: (node: NodeSpec, args: string[]) => void;
}

/**
 * The first start of an `--auth` cluster: replicate system_auth, create the tool's superuser with a
 * generated password, disable `cassandra`. Runs once: the credentials file says it is done.
 */
export async function provisionRoles(ctx: SecureSetupContext, cluster: ClusterState, security: SecurityOptions) {
  const secure = new SecurePaths(ctx.paths);
  if (!security.auth || existsSync(secure.credentialsFile)) return;
  const [first] = cluster.nodes;
  if (!first) throw new SecureSetupError('the cluster has no nodes');
  const started = Date.now();
  const bootstrap = await connectWhenReady(
    clientOptions(security, secure, first, 'cassandra', 'cassandra'),
    ctx.timeoutMs,
  );
  // Kept from a run that stopped half-way, so the role created then still matches the file.
  const password = existsSync(secure.passwordFile)
    ? readFileSync(secure.passwordFile, 'utf8').trim()
    : generatePassword();
  // Written before the role is created: a run that dies after CREATE ROLE must still know its password.
  writeSecret(secure.passwordFile, `${password}\n`);
  try {
    const replication = systemAuthReplication(cluster.nodes);
    await bootstrap.execute(replicationCql(replication));
    // A fresh cluster's system_auth holds only the default role, written to one replica: repair copies it.
    if (cluster.nodes.length > 1) {
      ctx.log(`system_auth: replicated ${JSON.stringify(replication)}; repairing it`);
      for (const node of cluster.nodes) ctx.nodetool(node, ['repair', '--full', 'system_auth']);
    } else ctx.log(`system_auth: replicated ${JSON.stringify(replication)} (one node: nothing to repair)`);
    // CQL takes no bind marker for a password; a base64url one needs no quoting.
    await bootstrap.execute(
      `CREATE ROLE IF NOT EXISTS ${ADMIN_ROLE} WITH SUPERUSER = true AND LOGIN = true AND PASSWORD = '${password}'`,
    );
  } finally {
    await bootstrap.shutdown();
  }
  // As the new role, since a role cannot take its own superuser status away.
  const admin = await connectWhenReady(clientOptions(security, secure, first, ADMIN_ROLE, password), 30_000);
  try {
    await admin.execute('ALTER ROLE cassandra WITH SUPERUSER = false AND LOGIN = false');
  } finally {
    await admin.shutdown();
  }
  // Last: its presence means provisioning is done.
  writeSecret(secure.credentialsFile, `${JSON.stringify({ username: ADMIN_ROLE, password }, null, 2)}\n`);
  ctx.log(
    `roles: ${ADMIN_ROLE} created with a generated password; cassandra can no longer log in (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

/** A cluster entry for ringside.config.json: the contact points, the credentials file, the CA. */
export function clusterEntry(cluster: ClusterState, security: SecurityOptions, secure: SecurePaths) {
  const [first] = cluster.nodes;
  return {
    id: cluster.name,
    name: `Local cluster ${cluster.name}`,
    contactPoints: cluster.nodes.filter((n) => n.seed).map((n) => n.address),
    localDataCenter: first?.dc ?? 'dc1',
    ...(security.auth ? { credentials: { username: ADMIN_ROLE, passwordFile: secure.passwordFile } } : {}),
    ...(security.tls ? { tls: { caFile: secure.caPem, rejectUnauthorized: true } } : {}),
  };
}

/** Writes the cluster entry and prints where the client files are. */
export function reportClientFiles(
  ctx: Pick<SecureSetupContext, 'paths' | 'log'>,
  cluster: ClusterState,
  security: SecurityOptions,
) {
  if (!security.auth && !security.tls) return;
  const secure = new SecurePaths(ctx.paths);
  writeSecret(secure.clusterEntryFile, `${JSON.stringify(clusterEntry(cluster, security, secure), null, 2)}\n`);
  if (security.tls) ctx.log(`CA certificate (tls.caFile): ${secure.caPem}`);
  if (security.auth) {
    ctx.log(`credentials (mode 600): ${secure.credentialsFile}; password alone: ${secure.passwordFile}`);
    ctx.log(`log in as ${ADMIN_ROLE}; the password is in the file, never printed`);
  }
  ctx.log(`a cluster entry for ringside.config.json: ${secure.clusterEntryFile}`);
}
