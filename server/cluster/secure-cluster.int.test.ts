/**
 * A cluster that wants a password and TLS, the console pointed at it as the docs say
 * (docs/security-clusters.md): its own one-node cluster `secure` on 127.0.0.21 (`--ip-offset 20`,
 * clear of the demo cluster's 127.0.0.1-3 and JMX ports), made with `up --auth --tls`, wiped however
 * the test ends. With the tool's credentials and CA the console works; a wrong password, no CA or
 * another CA, and a certificate that does not name the node's address each fail with their own message.
 *
 * Runs without the demo cluster: `RINGSIDE_TEST_CLUSTER=none npx vitest run --config
 * vitest.integration.config.ts server/cluster/secure-cluster.int.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodetool, runCluster, runClusterOrThrow } from '@/localcluster/harness';
import { findJava17 } from '@/localcluster/prerequisites';
import { certTool, ensureCa, issueNodeKeystore, SecurePaths } from '@/localcluster/secure-cql';
import { ClusterPaths, defaultClustersDir, readClusterState } from '@/localcluster/state';
import { createCaller } from '@/server/routers/_app';
import { createContext } from '@/server/trpc';
import { sessionHeaders } from '@/testing/test-session';
import { trpcErrorOf, useTemporaryConfig } from '@/testing/unit-config';
import { stopAllPollers } from '../nodes/live';
import { closeAll } from './registry';

const NAME = 'secure';
const paths = new ClusterPaths(join(defaultClustersDir(), NAME));
const secure = new SecurePaths(paths);

const wipe = () => runCluster(['wipe', '--name', NAME], 120_000);

let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  wipe(); // whatever an earlier, interrupted run left
  const out = runClusterOrThrow([
    'up',
    '--name',
    NAME,
    '--ip-offset',
    '20',
    '--nodes',
    '1',
    '--dcs',
    '1',
    '--auth',
    '--tls',
  ]);
  expect(out).toContain(`CA certificate (tls.caFile): ${secure.caPem}`);
  expect(out).toContain(`credentials (mode 600): ${secure.credentialsFile}`);
  expect(out).not.toContain(readFileSync(secure.passwordFile, 'utf8').trim());

  // Another CA, the wrong one for this cluster.
  const otherCa = new SecurePaths(new ClusterPaths(mkdtempSync(join(tmpdir(), 'ringside-other-ca-'))));
  ensureCa(otherCa, certTool(findJava17), 'other');

  const entry = JSON.parse(readFileSync(secure.clusterEntryFile, 'utf8')) as Record<string, unknown> & {
    credentials: { username: string };
  };
  const quiet = { pollIntervalMs: 2000, metrics: { enabled: false } };
  useTemporaryConfig({
    clusters: [
      { ...entry, ...quiet },
      {
        ...entry,
        ...quiet,
        id: 'secure-wrong-password',
        credentials: { username: entry.credentials.username, password: 'not-the-password' },
      },
      { ...entry, ...quiet, id: 'secure-no-ca', tls: { rejectUnauthorized: true } },
      { ...entry, ...quiet, id: 'secure-other-ca', tls: { caFile: otherCa.caPem } },
      // First used after the node's certificate was reissued for another address.
      { ...entry, ...quiet, id: 'secure-reissued' },
    ],
  });
  caller = createCaller(createContext({ headers: await sessionHeaders() }));
}, 300_000);

afterAll(async () => {
  try {
    stopAllPollers();
    await closeAll();
  } finally {
    const result = wipe();
    if (result.status !== 0) console.error(`wipe of cluster ${NAME} failed:\n${result.stdout}\n${result.stderr}`);
  }
}, 180_000);

describe('a cluster with PasswordAuthenticator and client TLS', () => {
  it('with the credentials and CA the tool wrote, the console lists nodes and keyspaces and runs a SELECT', async () => {
    const nodes = await caller.cluster.nodes({ clusterId: NAME });
    expect(nodes.nodes.map((n) => n.address)).toEqual(['127.0.0.21']);

    const keyspaces = await caller.schema.keyspaces({ clusterId: NAME });
    expect(keyspaces.map((k) => k.name)).toEqual(expect.arrayContaining(['system', 'system_auth', 'system_schema']));

    const run = await caller.query.run({
      clusterId: NAME,
      keyspace: null,
      runId: 'secure-1',
      statement: 'SELECT role, can_login, is_superuser FROM system_auth.roles',
      recordHistory: false,
    });
    if (!run.ok || run.kind !== 'rows') throw new Error(JSON.stringify(run).slice(0, 500));
    expect(run.rows).toEqual(
      expect.arrayContaining([
        ['cassandra', 'False', 'False'],
        ['ringside_admin', 'True', 'True'],
      ]),
    );
  });

  it('a wrong password: the cluster refused the credentials for the user', async () => {
    const error = await trpcErrorOf(caller.schema.keyspaces({ clusterId: 'secure-wrong-password' }));
    expect(error.code).toBe('BAD_GATEWAY');
    expect(error.message).toMatch(
      /^cluster secure-wrong-password: node 127\.0\.0\.21:9042 refused the credentials for user "ringside_admin" .*Check credentials\.username/,
    );
  });

  it('no CA configured, or another one: the certificate is not signed by a trusted CA', async () => {
    const none = await trpcErrorOf(caller.schema.keyspaces({ clusterId: 'secure-no-ca' }));
    expect(none.code).toBe('BAD_GATEWAY');
    expect(none.message).toMatch(
      /certificate is not signed by a CA this server trusts, and no tls\.caFile is configured/,
    );
    const other = await trpcErrorOf(caller.schema.keyspaces({ clusterId: 'secure-other-ca' }));
    expect(other.message).toMatch(
      /node 127\.0\.0\.21:9042's certificate is not signed by the CA in tls\.caFile \(.*ringside-other-ca-/,
    );
  });

  it('a certificate that does not name the address the console dials: a host-name mismatch', async () => {
    const state = readClusterState(paths);
    const node = state?.nodes[0];
    if (!node) throw new Error('the secure cluster has no node 1');
    // Signed by the right CA, for another address; Cassandra takes it up for new connections at once.
    issueNodeKeystore(secure, certTool(findJava17), node, ['127.0.0.99'], secure.keystore(1));
    nodetool(1, ['reloadssl'], NAME);
    const error = await trpcErrorOf(caller.schema.keyspaces({ clusterId: 'secure-reissued' }));
    expect(error.code).toBe('BAD_GATEWAY');
    expect(error.message).toMatch(
      /^cluster secure-reissued: node 127\.0\.0\.21:9042's certificate does not name 127\.0\.0\.21 \(it names IP Address:127\.0\.0\.99\)/,
    );
  });
});
