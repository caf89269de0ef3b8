import 'server-only';
/**
 * The console's configuration: `ringside.config.json` (or the file RINGSIDE_CONFIG names), then
 * RINGSIDE_* variables on top, all validated with zod. A bad value stops start-up with a message
 * that names the field. Without a file, the console points at the local demo cluster.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { alertRuleSchema } from './alerts/rule-schema';
import { processSingleton } from './process-singleton';

const hostPattern = /^[A-Za-z0-9.\-:[\]]+$/;

/** A user:password@ in a URL would be echoed by every error that names the URL: credentials go elsewhere. */
const hasUserInfo = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
const NO_USERINFO =
  'must not hold user:password@ (every error naming the URL would show it): use jolokia.credentialsFile';

/** Read once, at load: a wrong path stops start-up naming the field, not the first connection attempt. */
function readFileOrIssue(file: string, ctx: z.RefinementCtx, path: string[] = []): string | undefined {
  try {
    return readFileSync(/*turbopackIgnore: true*/ resolve(/*turbopackIgnore: true*/ process.cwd(), file), 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    ctx.addIssue({ code: 'custom', path, message: `cannot read ${file} (${why})` });
    return undefined;
  }
}

/**
 * `password` inline, or `passwordFile` (its whole content, a trailing newline dropped) so the
 * configuration itself holds no secret. Either way the console sees `{ username, password }`.
 */
const credentialsSchema = z
  .object({
    username: z.string().min(1),
    password: z.string().optional(),
    passwordFile: z.string().min(1).optional(),
  })
  .strict()
  .transform(({ username, password, passwordFile }, ctx) => {
    if (password !== undefined && passwordFile === undefined) return { username, password };
    if (passwordFile === undefined || password !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give either password or passwordFile, not both or neither' });
      return z.NEVER;
    }
    const content = readFileOrIssue(passwordFile, ctx, ['passwordFile']);
    if (content === undefined) return z.NEVER;
    return { username, password: content.replace(/\r?\n$/, '') };
  });

const tlsSchema = z.object({
  enabled: z.boolean().default(true),
  /** The CA (PEM) that signed the nodes' certificates; without it, the system's CAs are trusted. */
  caFile: z
    .string()
    .min(1)
    .optional()
    .superRefine((file, ctx) => {
      if (file !== undefined) readFileOrIssue(file, ctx);
    }),
  /** On unless turned off: the driver's own default is off, which trusts any certificate. */
  rejectUnauthorized: z.boolean().default(true),
});

export const clusterConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (it appears in URLs)'),
  name: z.string().min(1).optional(),
  contactPoints: z
    .array(z.string().regex(hostPattern, 'must be a host or host:port'))
    .min(1, 'needs at least one contact point'),
  port: z.number().int().min(1).max(65535).default(9042),
  localDataCenter: z.string().min(1),
  credentials: credentialsSchema.optional(),
  tls: tlsSchema.optional(),
  jolokia: z
    .object({
      port: z.number().int().min(1).max(65535).default(8778),
      /** `{host}` and `{port}` are replaced per node, e.g. `https://{host}:8443/jolokia/`. */
      urlTemplate: z
        .string()
        .includes('{host}', { message: 'must contain {host}' })
        .refine((url) => !hasUserInfo(url), NO_USERINFO)
        .optional(),
      /** A node whose agent differs from the template: address → its Jolokia URL. */
      overrides: z
        .record(
          z.string(),
          z.url().refine((url) => !hasUserInfo(url), NO_USERINFO),
        )
        .default({}),
      timeoutMs: z.number().int().min(100).max(60_000).default(3000),
      username: z.string().optional(),
      password: z.string().optional(),
      /**
       * A JSON file `{ "username", "password" }` (mode 600) with the agents' basic-auth credentials, so
       * no password sits in the configuration. Relative to the working directory, `~` expanded; read at
       * load. The local-cluster tool writes one per cluster: `~/.ringside/clusters/<name>/jolokia-credentials.json`.
       */
      credentialsFile: z.string().min(1).optional(),
    })
    .default({ port: 8778, timeoutMs: 3000, overrides: {} }),
  pollIntervalMs: z.number().int().min(500).max(600_000).default(5000),
  metrics: z
    .object({
      enabled: z.boolean().default(true),
      intervalMs: z.number().int().min(1000).max(600_000).default(10_000),
      /** The cluster that stores the history (its `ringside` keyspace); this one when unset, as OpsCenter does. */
      storeClusterId: z.string().optional(),
    })
    .default({ enabled: true, intervalMs: 10_000 }),
});

export const configSchema = z.object({
  clusters: z
    .array(clusterConfigSchema)
    .min(1, 'needs at least one cluster')
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'cluster ids must be unique'),
  dataDir: z.string().default('.ringside-data'),
  /** What the console's own store keeps. */
  store: z
    .object({
      /** Cluster events (node down/up, schema changes, collector gaps) older than this are deleted. Charts reach back 31 days. */
      eventRetentionDays: z.number().int().min(1).max(3650).default(90),
      /** And no more than this many per cluster: a flapping node must not fill the disk. */
      eventsPerClusterMax: z.number().int().min(1000).max(10_000_000).default(100_000),
    })
    .default({ eventRetentionDays: 90, eventsPerClusterMax: 100_000 }),
  /** Logins: docs/security.md. */
  auth: z
    .object({
      /**
       * The address users open, e.g. `https://ringside.example.com`: better-auth's baseURL (left unset,
       * the first request could choose it) and the only Origin sign-ins are accepted from. Without it,
       * `http://127.0.0.1:$PORT` (3000), which suits the demo only. An https URL makes the cookie Secure.
       */
      baseURL: z
        .url()
        .refine((url) => /^https?:\/\//.test(url), 'must be an http:// or https:// address')
        .optional(),
      /** A session unused this long ends (better-auth's sliding expiry). */
      sessionIdleMinutes: z.number().int().min(5).max(10_080).default(120),
      /** And however busy, a session ends this long after sign-in (better-auth has no absolute limit; the console adds it). */
      sessionMaxHours: z.number().int().min(1).max(720).default(12),
      /** Sign-in attempts per minute from one address before 429 (better-auth's rate limiter). */
      signInAttemptsPerMinute: z.number().int().min(1).max(1000).default(10),
      /** Failed sign-ins per minute for one account, from anywhere, before that account's sign-ins are refused for the minute. */
      failedSignInsPerAccountPerMinute: z.number().int().min(1).max(1000).default(10),
    })
    .strict()
    .default({
      sessionIdleMinutes: 120,
      sessionMaxHours: 12,
      signInAttemptsPerMinute: 10,
      failedSignInsPerAccountPerMinute: 10,
    }),
  /**
   * /api/metrics for Prometheus: with `bearerTokenFile`, a scrape must send `Authorization: Bearer <the
   * file's content>` (Prometheus's `authorization.credentials_file`); the token is read once, at load.
   */
  prometheus: z
    .object({ bearerTokenFile: z.string().min(1).optional() })
    .strict()
    .default({})
    .transform(({ bearerTokenFile }, ctx) => {
      if (bearerTokenFile === undefined) return { bearerToken: null };
      const content = readFileOrIssue(bearerTokenFile, ctx, ['bearerTokenFile']);
      if (content === undefined) return z.NEVER;
      const bearerToken = content.trim();
      if (bearerToken.length < 16) {
        ctx.addIssue({
          code: 'custom',
          path: ['bearerTokenFile'],
          message: `${bearerTokenFile} holds fewer than 16 characters: not a token`,
        });
        return z.NEVER;
      }
      return { bearerToken };
    }),
  /** Alert rules and the monitor (docs/alerts.md). */
  alerts: z
    .object({
      /** The starter catalogue (node down, not answering, agent, cluster, schema, latency, compactions, drops, hints). */
      starterRules: z.boolean().default(true),
      /** Rules of this file, beside the starter ones (a rule with a starter rule's id replaces it). */
      rules: z
        .array(alertRuleSchema)
        .max(1000)
        .default([])
        .superRefine((rules, ctx) => {
          const seen = new Set<string>();
          rules.forEach((rule, i) => {
            if (seen.has(rule.id))
              ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${rule.id}" is the id of an earlier rule` });
            seen.add(rule.id);
          });
        }),
      /** The clusters watched from start-up; every configured one when left out. */
      monitorClusters: z.array(z.string().min(1)).max(1000).optional(),
      /** How often the monitor asks each node for a CQL answer, and how long it waits for one. */
      probeIntervalMs: z.number().int().min(200).max(60_000).default(1000),
      probeTimeoutMs: z.number().int().min(100).max(30_000).default(1000),
    })
    .strict()
    .prefault({}),
  /** Outgoing notifications: webhooks, Slack, PagerDuty (docs/webhooks.md). */
  notify: z
    .object({
      /** Receivers on 127.0.0.0/8 and ::1: off, since a URL an admin types must not reach the console's own host. */
      allowLoopback: z.boolean().default(false),
      /** Receivers on 10/8, 172.16/12, 192.168/16, link-local, fc00::/7 and the like: off (SSRF, cloud metadata). */
      allowPrivateNetworks: z.boolean().default(false),
      /** One delivery attempt (connect, send, read the answer) is abandoned after this and retried. */
      attemptTimeoutMs: z.number().int().min(100).max(120_000).default(15_000),
      /** A delivery still failing this long after it was queued is given up (dead). */
      giveUpAfterHours: z.number().positive().max(720).default(72),
      /** The first retry waits up to this (full jitter), doubling per attempt up to backoffMaxMs. */
      backoffBaseMs: z.number().int().min(1).max(600_000).default(5000),
      backoffMaxMs: z.number().int().min(1).max(86_400_000).default(1_800_000),
      /** Deliveries in flight at once, over all destinations, and to any one destination. */
      concurrency: z.number().int().min(1).max(256).default(16),
      perDestinationConcurrency: z.number().int().min(1).max(64).default(4),
      /** Finished deliveries (and their attempts) older than this are deleted. */
      retentionDays: z.number().int().min(1).max(3650).default(30),
    })
    .strict()
    .prefault({}),
});

export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export type RingsideConfig = z.infer<typeof configSchema>;

const envSchema = z.object({
  RINGSIDE_CONFIG: z.string().optional(),
  RINGSIDE_CLUSTER_ID: z.string().optional(),
  RINGSIDE_CONTACT_POINTS: z.string().optional(),
  RINGSIDE_CQL_PORT: z.coerce.number().int().optional(),
  RINGSIDE_LOCAL_DC: z.string().optional(),
  RINGSIDE_CQL_USERNAME: z.string().optional(),
  RINGSIDE_CQL_PASSWORD: z.string().optional(),
  RINGSIDE_CQL_PASSWORD_FILE: z.string().optional(),
  RINGSIDE_JOLOKIA_PORT: z.coerce.number().int().optional(),
  RINGSIDE_JOLOKIA_URL_TEMPLATE: z.string().optional(),
  RINGSIDE_JOLOKIA_TIMEOUT_MS: z.coerce.number().int().optional(),
  RINGSIDE_JOLOKIA_CREDENTIALS_FILE: z.string().optional(),
  RINGSIDE_POLL_INTERVAL_MS: z.coerce.number().int().optional(),
  RINGSIDE_DATA_DIR: z.string().optional(),
  RINGSIDE_BASE_URL: z.string().optional(),
});

export class ConfigError extends Error {}

/** Where `npm run cluster -- up` leaves the demo cluster's agent credentials. */
export const DEMO_JOLOKIA_CREDENTIALS = '~/.ringside/clusters/demo/jolokia-credentials.json';

const DEMO_DEFAULT = {
  clusters: [
    {
      id: 'demo',
      name: 'Local demo cluster',
      contactPoints: ['127.0.0.1'],
      localDataCenter: 'dc1',
      jolokia: { credentialsFile: DEMO_JOLOKIA_CREDENTIALS },
    },
  ],
};

function describeIssues(source: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`)
    .join('\n');
}

/** Puts RINGSIDE_* values onto the cluster they name (RINGSIDE_CLUSTER_ID, else the first one). */
function applyEnv(raw: unknown, env: z.infer<typeof envSchema>): unknown {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { clusters?: unknown }).clusters)) return raw;
  const config = structuredClone(raw) as { clusters: Record<string, unknown>[]; dataDir?: string };
  if (env.RINGSIDE_DATA_DIR) config.dataDir = env.RINGSIDE_DATA_DIR;
  if (env.RINGSIDE_BASE_URL)
    (config as { auth?: Record<string, unknown> }).auth = {
      ...(config as { auth?: Record<string, unknown> }).auth,
      baseURL: env.RINGSIDE_BASE_URL,
    };
  const target = env.RINGSIDE_CLUSTER_ID
    ? config.clusters.find((c) => c.id === env.RINGSIDE_CLUSTER_ID)
    : config.clusters[0];
  if (!target)
    throw new ConfigError(`RINGSIDE_CLUSTER_ID: no cluster "${env.RINGSIDE_CLUSTER_ID}" in the configuration`);
  if (env.RINGSIDE_CONTACT_POINTS)
    target.contactPoints = env.RINGSIDE_CONTACT_POINTS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (env.RINGSIDE_CQL_PORT !== undefined) target.port = env.RINGSIDE_CQL_PORT;
  if (env.RINGSIDE_LOCAL_DC) target.localDataCenter = env.RINGSIDE_LOCAL_DC;
  if (env.RINGSIDE_CQL_USERNAME)
    target.credentials = env.RINGSIDE_CQL_PASSWORD_FILE
      ? { username: env.RINGSIDE_CQL_USERNAME, passwordFile: env.RINGSIDE_CQL_PASSWORD_FILE }
      : { username: env.RINGSIDE_CQL_USERNAME, password: env.RINGSIDE_CQL_PASSWORD ?? '' };
  const jolokia = { ...((target.jolokia as Record<string, unknown> | undefined) ?? {}) };
  if (env.RINGSIDE_JOLOKIA_PORT !== undefined) jolokia.port = env.RINGSIDE_JOLOKIA_PORT;
  if (env.RINGSIDE_JOLOKIA_URL_TEMPLATE) jolokia.urlTemplate = env.RINGSIDE_JOLOKIA_URL_TEMPLATE;
  if (env.RINGSIDE_JOLOKIA_TIMEOUT_MS !== undefined) jolokia.timeoutMs = env.RINGSIDE_JOLOKIA_TIMEOUT_MS;
  if (env.RINGSIDE_JOLOKIA_CREDENTIALS_FILE) jolokia.credentialsFile = env.RINGSIDE_JOLOKIA_CREDENTIALS_FILE;
  if (Object.keys(jolokia).length > 0) target.jolokia = jolokia;
  if (env.RINGSIDE_POLL_INTERVAL_MS !== undefined) target.pollIntervalMs = env.RINGSIDE_POLL_INTERVAL_MS;
  return config;
}

export function parseConfig(raw: unknown, source: string, rawEnv: Record<string, string | undefined>): RingsideConfig {
  const env = envSchema.safeParse(rawEnv);
  if (!env.success) throw new ConfigError(describeIssues('environment', env.error));
  const parsed = configSchema.safeParse(applyEnv(raw, env.data));
  if (!parsed.success) throw new ConfigError(describeIssues(source, parsed.error));
  parsed.data.clusters.forEach((cluster, i) => readJolokiaCredentials(cluster, `${source}: clusters.${i}.jolokia`));
  return parsed.data;
}

const credentialsFileSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });

export function expandPath(path: string): string {
  const home = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  return isAbsolute(home) ? home : resolve(/*turbopackIgnore: true*/ process.cwd(), home);
}

/**
 * Fills jolokia.username/password from jolokia.credentialsFile (made absolute). A file that is not
 * there yet is no error — the local cluster writes it on its first `up`, after unit tests may have
 * loaded this configuration — the agents then answer 401 and the message names the file. A file
 * that is there must be valid and private.
 */
function readJolokiaCredentials(cluster: ClusterConfig, field: string): void {
  const jolokia = cluster.jolokia;
  if (!jolokia.credentialsFile) return;
  if (jolokia.username !== undefined || jolokia.password !== undefined)
    throw new ConfigError(`${field}: give either credentialsFile or username/password, not both`);
  const path = expandPath(jolokia.credentialsFile);
  jolokia.credentialsFile = path;
  if (!existsSync(/*turbopackIgnore: true*/ path)) return;
  const where = `${field}.credentialsFile: ${path}`;
  if ((statSync(/*turbopackIgnore: true*/ path).mode & 0o077) !== 0)
    throw new ConfigError(`${where}: other users may read it; \`chmod 600\` it`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(/*turbopackIgnore: true*/ path, 'utf8'));
  } catch (error) {
    // Never the parser's message: it quotes the text around the fault, which here is a password.
    throw new ConfigError(
      `${where}: not valid JSON (expected {"username": "…", "password": "…"})${jsonPosition(error)}`,
    );
  }
  const parsed = credentialsFileSchema.safeParse(raw);
  if (!parsed.success)
    // Only the field names: the file's values are secret.
    throw new ConfigError(
      `${where}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`,
    );
  jolokia.username = parsed.data.username;
  jolokia.password = parsed.data.password;
}

/** Where JSON.parse stopped, without the text it quotes. */
function jsonPosition(error: unknown): string {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  return at === undefined ? '' : ` at character ${at}`;
}

export function loadConfig(rawEnv: Record<string, string | undefined> = process.env): RingsideConfig {
  const path = resolve(/*turbopackIgnore: true*/ process.cwd(), rawEnv.RINGSIDE_CONFIG ?? 'ringside.config.json');
  if (!existsSync(/*turbopackIgnore: true*/ path)) {
    if (rawEnv.RINGSIDE_CONFIG) throw new ConfigError(`RINGSIDE_CONFIG names ${path}, which does not exist`);
    return parseConfig(DEMO_DEFAULT, '(built-in demo configuration)', rawEnv);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(/*turbopackIgnore: true*/ path, 'utf8'));
  } catch (error) {
    // Never the parser's message: it quotes the text around the fault, and the file may hold passwords.
    throw new ConfigError(`${path}: not valid JSON${jsonPosition(error)}`);
  }
  return parseConfig(raw, path, rawEnv);
}

/** The configuration of this server process, read once. */
export function config(): RingsideConfig {
  return processSingleton('config', loadConfig);
}
