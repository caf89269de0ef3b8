import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config';

const minimal = { clusters: [{ id: 'prod', contactPoints: ['10.0.0.1'], localDataCenter: 'dc1' }] };

describe('configuration', () => {
  it('fills defaults for a minimal cluster', () => {
    const config = parseConfig(minimal, 'test.json', {});
    expect(config.clusters[0]).toMatchObject({
      port: 9042,
      pollIntervalMs: 5000,
      jolokia: { port: 8778, timeoutMs: 3000, overrides: {} },
      metrics: { enabled: true, intervalMs: 10_000 },
    });
    expect(config.dataDir).toBe('.ringside-data');
  });

  it('names the field that is wrong', () => {
    const bad = { clusters: [{ id: 'prod', contactPoints: [], localDataCenter: 'dc1' }] };
    expect(() => parseConfig(bad, 'ringside.config.json', {})).toThrow(
      /ringside\.config\.json: clusters\.0\.contactPoints: needs at least one contact point/,
    );
    const badPort = { clusters: [{ ...minimal.clusters[0], jolokia: { port: 99999 } }] };
    expect(() => parseConfig(badPort, 'x.json', {})).toThrow(/clusters\.0\.jolokia\.port/);
    const badId = { clusters: [{ ...minimal.clusters[0], id: 'Prod Cluster' }] };
    expect(() => parseConfig(badId, 'x.json', {})).toThrow(/clusters\.0\.id: must be lower-case/);
  });

  it('takes per-node Jolokia URLs and refuses one that is not a URL', () => {
    const withOverride = {
      clusters: [{ ...minimal.clusters[0], jolokia: { overrides: { '10.0.0.3': 'https://10.0.0.3:8443/jolokia/' } } }],
    };
    expect(parseConfig(withOverride, 'x.json', {}).clusters[0]?.jolokia.overrides).toEqual({
      '10.0.0.3': 'https://10.0.0.3:8443/jolokia/',
    });
    const bad = { clusters: [{ ...minimal.clusters[0], jolokia: { overrides: { '10.0.0.3': 'port 8443' } } }] };
    expect(() => parseConfig(bad, 'x.json', {})).toThrow(/clusters\.0\.jolokia\.overrides\.10\.0\.0\.3/);
  });

  it('rejects duplicate cluster ids', () => {
    expect(() => parseConfig({ clusters: [minimal.clusters[0], minimal.clusters[0]] }, 'x.json', {})).toThrow(/unique/);
  });

  it('lets RINGSIDE_* variables override the file, on the cluster they name', () => {
    const two = {
      clusters: [minimal.clusters[0], { id: 'staging', contactPoints: ['10.1.0.1'], localDataCenter: 'east' }],
    };
    const config = parseConfig(two, 'x.json', {
      RINGSIDE_CLUSTER_ID: 'staging',
      RINGSIDE_CONTACT_POINTS: '127.0.0.5, 127.0.0.6',
      RINGSIDE_JOLOKIA_PORT: '8779',
      RINGSIDE_CQL_USERNAME: 'ops',
      RINGSIDE_CQL_PASSWORD: 'secret',
      RINGSIDE_DATA_DIR: '/var/lib/ringside',
    });
    expect(config.clusters[0]?.contactPoints).toEqual(['10.0.0.1']);
    expect(config.clusters[1]).toMatchObject({
      contactPoints: ['127.0.0.5', '127.0.0.6'],
      jolokia: { port: 8779 },
      credentials: { username: 'ops', password: 'secret' },
    });
    expect(config.dataDir).toBe('/var/lib/ringside');
  });

  it('names a bad environment variable', () => {
    expect(() => parseConfig(minimal, 'x.json', { RINGSIDE_JOLOKIA_PORT: 'eighty' })).toThrow(
      /environment: RINGSIDE_JOLOKIA_PORT/,
    );
    expect(() => parseConfig(minimal, 'x.json', { RINGSIDE_CLUSTER_ID: 'nope' })).toThrow(ConfigError);
  });

  it('reads the file RINGSIDE_CONFIG names, and says when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-config-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(minimal));
    expect(loadConfig({ RINGSIDE_CONFIG: good }).clusters[0]?.id).toBe('prod');
    expect(() => loadConfig({ RINGSIDE_CONFIG: join(dir, 'missing.json') })).toThrow(/does not exist/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "clusters": [');
    expect(() => loadConfig({ RINGSIDE_CONFIG: broken })).toThrow(/not valid JSON/);
  });

  describe('credentials and TLS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-secrets-'));
    const passwordFile = join(dir, 'password');
    writeFileSync(passwordFile, 's3cret-from-file\n');
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\n');
    const withCluster = (extra: Record<string, unknown>) => ({ clusters: [{ ...minimal.clusters[0], ...extra }] });

    it('reads the password from passwordFile, without its trailing newline', () => {
      const config = parseConfig(withCluster({ credentials: { username: 'ops', passwordFile } }), 'x.json', {});
      expect(config.clusters[0]?.credentials).toEqual({ username: 'ops', password: 's3cret-from-file' });
      const fromEnv = parseConfig(minimal, 'x.json', {
        RINGSIDE_CQL_USERNAME: 'ops',
        RINGSIDE_CQL_PASSWORD_FILE: passwordFile,
      });
      expect(fromEnv.clusters[0]?.credentials).toEqual({ username: 'ops', password: 's3cret-from-file' });
    });

    it('names passwordFile when it cannot be read, and refuses both or neither', () => {
      const missing = join(dir, 'nope');
      expect(() =>
        parseConfig(withCluster({ credentials: { username: 'ops', passwordFile: missing } }), 'x.json', {}),
      ).toThrow(`x.json: clusters.0.credentials.passwordFile: cannot read ${missing} (ENOENT)`);
      expect(() =>
        parseConfig(withCluster({ credentials: { username: 'ops', password: 'a', passwordFile } }), 'x.json', {}),
      ).toThrow(/clusters\.0\.credentials: give either password or passwordFile, not both or neither/);
      expect(() => parseConfig(withCluster({ credentials: { username: 'ops' } }), 'x.json', {})).toThrow(
        /clusters\.0\.credentials: give either password or passwordFile/,
      );
    });

    it('checks certificates by default, and names a caFile it cannot read', () => {
      const config = parseConfig(withCluster({ tls: { caFile } }), 'x.json', {});
      expect(config.clusters[0]?.tls).toEqual({ enabled: true, caFile, rejectUnauthorized: true });
      expect(() => parseConfig(withCluster({ tls: { caFile: join(dir, 'missing.pem') } }), 'x.json', {})).toThrow(
        /x\.json: clusters\.0\.tls\.caFile: cannot read .*missing\.pem \(ENOENT\)/,
      );
    });
  });

  describe('jolokia.credentialsFile', () => {
    const withFile = (credentialsFile: string, extra: Record<string, unknown> = {}) => ({
      clusters: [{ ...minimal.clusters[0], jolokia: { credentialsFile, ...extra } }],
    });
    const secretFile = (content: string, mode = 0o600) => {
      const file = join(mkdtempSync(join(tmpdir(), 'ringside-creds-')), 'jolokia-credentials.json');
      writeFileSync(file, content);
      chmodSync(file, mode);
      return file;
    };

    it('reads username and password from the file, at load', () => {
      const file = secretFile(JSON.stringify({ username: 'ringside', password: 's3cret-s3cret' }));
      const jolokia = parseConfig(withFile(file), 'x.json', {}).clusters[0]?.jolokia;
      expect(jolokia).toMatchObject({ username: 'ringside', password: 's3cret-s3cret', credentialsFile: file });
    });

    it('expands ~ and resolves a relative path against the working directory', () => {
      const missing = parseConfig(withFile('~/no-such-ringside-file.json'), 'x.json', {}).clusters[0]?.jolokia;
      expect(missing?.credentialsFile).toBe(join(homedir(), 'no-such-ringside-file.json'));
      const relative = parseConfig(withFile('creds.json'), 'x.json', {}).clusters[0]?.jolokia;
      expect(relative?.credentialsFile).toBe(join(process.cwd(), 'creds.json'));
    });

    it('tolerates a file not written yet: no credentials, the path kept for the 401 message', () => {
      const jolokia = parseConfig(withFile('/nonexistent/jolokia-credentials.json'), 'x.json', {}).clusters[0]?.jolokia;
      expect(jolokia?.username).toBeUndefined();
      expect(jolokia?.credentialsFile).toBe('/nonexistent/jolokia-credentials.json');
    });

    it('names the field and the file when the file is wrong, never its values', () => {
      const notJson = secretFile('{ "username": ');
      expect(() => parseConfig(withFile(notJson), 'x.json', {})).toThrow(
        new RegExp(`x\.json: clusters\.0\.jolokia\.credentialsFile: ${notJson}: not valid JSON`),
      );
      const noPassword = secretFile(JSON.stringify({ username: 'ringside', passwort: 'hunter2-hunter2' }));
      expect(() => parseConfig(withFile(noPassword), 'x.json', {})).toThrow(/credentialsFile: .*: password: /);
      expect(() => parseConfig(withFile(noPassword), 'x.json', {})).not.toThrow(/hunter2/);
      const readable = secretFile(JSON.stringify({ username: 'u', password: 'p' }), 0o644);
      expect(() => parseConfig(withFile(readable), 'x.json', {})).toThrow(/other users may read it; `chmod 600` it/);
      const both = withFile(noPassword, { username: 'u', password: 'p' });
      expect(() => parseConfig(both, 'x.json', {})).toThrow(
        /clusters\.0\.jolokia: give either credentialsFile or username\/password/,
      );
    });

    it('is named by RINGSIDE_JOLOKIA_CREDENTIALS_FILE too, and by the built-in demo configuration', () => {
      const file = secretFile(JSON.stringify({ username: 'ringside', password: 'from-env-file' }));
      const fromEnv = parseConfig(minimal, 'x.json', { RINGSIDE_JOLOKIA_CREDENTIALS_FILE: file }).clusters[0];
      expect(fromEnv?.jolokia.password).toBe('from-env-file');
      const demo = loadConfig({ RINGSIDE_CONFIG: undefined, RINGSIDE_JOLOKIA_CREDENTIALS_FILE: undefined });
      expect(demo.clusters[0]?.jolokia.credentialsFile).toMatch(
        /\.ringside\/clusters\/demo\/jolokia-credentials\.json$/,
      );
    });
  });

  it('reads the Prometheus bearer token from its file, and refuses one too short to be a token', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-prom-'));
    const good = join(dir, 'token');
    writeFileSync(good, 'f00dfeedf00dfeedf00d\n');
    expect(parseConfig({ ...minimal, prometheus: { bearerTokenFile: good } }, 'x.json', {}).prometheus).toEqual({
      bearerToken: 'f00dfeedf00dfeedf00d',
    });
    expect(parseConfig(minimal, 'x.json', {}).prometheus).toEqual({ bearerToken: null });
    const short = join(dir, 'short');
    writeFileSync(short, 'abc');
    expect(() => parseConfig({ ...minimal, prometheus: { bearerTokenFile: short } }, 'x.json', {})).toThrow(
      /x\.json: prometheus\.bearerTokenFile: .* fewer than 16 characters/,
    );
  });

  it('never quotes a broken file in its error, and refuses credentials inside a Jolokia URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-leak-'));
    const broken = join(dir, 'ringside.config.json');
    writeFileSync(broken, '{"clusters": [{"credentials": {"password": hunter2-secret}}]}');
    expect(() => loadConfig({ RINGSIDE_CONFIG: broken })).toThrow(/not valid JSON( at character \d+)?$/);
    try {
      loadConfig({ RINGSIDE_CONFIG: broken });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
    const withUrl = (jolokia: Record<string, unknown>) => ({ clusters: [{ ...minimal.clusters[0], jolokia }] });
    expect(() => parseConfig(withUrl({ urlTemplate: 'http://ops:s3cret@{host}:8778/jolokia/' }), 'x.json', {})).toThrow(
      /clusters\.0\.jolokia\.urlTemplate: must not hold user:password@/,
    );
    expect(() =>
      parseConfig(withUrl({ overrides: { '127.0.0.3': 'http://ops:s3cret@127.0.0.3:8778/jolokia/' } }), 'x.json', {}),
    ).toThrow(/must not hold user:password@/);
  });
});
