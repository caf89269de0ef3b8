/**
 * The Jolokia agent each node runs, locked down (docs/jolokia.md): the access policy shipped in
 * templates/jolokia-access.xml, the JSR-160 proxy switched off, and basic auth with a password made
 * per cluster. The password never goes on the command line — `-javaagent` arguments are readable
 * over JMX (Runtime.InputArguments) and in `ps` — but into a mode-600 properties file (`config=`).
 * The console reads the same credentials from `<cluster>/jolokia-credentials.json`.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ClusterPaths } from './state';
import type { NodeSpec } from './topology';

export const JOLOKIA_POLICY = join(dirname(fileURLToPath(import.meta.url)), 'templates', 'jolokia-access.xml');
export const JOLOKIA_USER = 'ringside';
const JSR160_PROXY = 'org.jolokia.service.jsr160.Jsr160RequestHandler';

export class JolokiaSetupError extends Error {}

const credentialsSchema = z.object({ username: z.string().min(1), password: z.string().min(16) });
export type JolokiaCredentials = z.infer<typeof credentialsSchema>;

/**
 * Throws unless `path` is a readable, well-formed `<restrict>` document with a `<commands>` section.
 * Checked before any agent starts because the agent fails open: a classpath policy it cannot load
 * grants everything, and a file policy it cannot parse is no better to debug from a node's stdout.
 */
export function assertPolicyValid(path: string): void {
  if (!existsSync(path)) throw new JolokiaSetupError(`the Jolokia access policy ${path} does not exist`);
  const text = readFileSync(path, 'utf8');
  const problem = xmlProblem(text);
  if (problem) throw new JolokiaSetupError(`the Jolokia access policy ${path} is not valid XML: ${problem}`);
  const body = stripXmlNoise(text);
  if (!/^\s*<restrict[\s>]/.test(body))
    throw new JolokiaSetupError(`the Jolokia access policy ${path} must have <restrict> as its root element`);
  if (!/<commands[\s/>]/.test(body))
    throw new JolokiaSetupError(
      `the Jolokia access policy ${path} has no <commands> section, so it would allow every command on every MBean`,
    );
}

function stripXmlNoise(text: string): string {
  return text
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
}

/** The first well-formedness problem (unbalanced or stray tags, text outside the root), or null. */
export function xmlProblem(text: string): string | null {
  if (/<!DOCTYPE/i.test(text)) return 'a DOCTYPE is not expected in a policy';
  const body = stripXmlNoise(text);
  if (/<!--|<\?|\]\]>/.test(body)) return 'an unclosed comment, processing instruction or CDATA section';
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|</g;
  let match: RegExpExecArray | null;
  let last = 0;
  while ((match = tag.exec(body))) {
    if (stack.length === 0 && body.slice(last, match.index).trim() !== '') return 'text outside the root element';
    last = tag.lastIndex;
    const [whole, closing, name, , selfClosing] = match;
    if (whole === '<') return `a "<" that starts no valid tag at offset ${match.index}`;
    if (closing) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes ${open ? `<${open}>` : 'nothing'}`;
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is never closed`;
  if (body.slice(last).trim() !== '') return 'text outside the root element';
  if (roots !== 1) return roots === 0 ? 'no root element' : 'more than one root element';
  return null;
}

function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  // writeFileSync's mode applies only when it creates the file: an older file keeps its own.
  chmodSync(path, 0o600);
}

/** The cluster's agent credentials: read back, or made once (a random password, never a default). */
export function ensureJolokiaCredentials(paths: ClusterPaths): JolokiaCredentials {
  const file = paths.jolokiaCredentialsFile;
  if (existsSync(file)) {
    const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new JolokiaSetupError(`${file} is not the Jolokia credentials this tool wrote; delete it to make new ones`);
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return parsed.data;
  }
  const credentials = { username: JOLOKIA_USER, password: randomBytes(24).toString('hex') };
  writePrivate(file, `${JSON.stringify(credentials, null, 2)}\n`);
  return credentials;
}

/** The credentials if the cluster has them (a status or probe must not create them). */
export function readJolokiaCredentials(paths: ClusterPaths): JolokiaCredentials | undefined {
  if (!existsSync(paths.jolokiaCredentialsFile)) return undefined;
  const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(paths.jolokiaCredentialsFile, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

export function basicAuth(credentials: JolokiaCredentials | undefined): Record<string, string> {
  if (!credentials) return {};
  return {
    authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
  };
}

/**
 * Checks the policy and (re)writes the agent's properties file. Called before every start, not only
 * at creation, so a cluster made before the lock-down gets it at its next start.
 */
export function prepareJolokiaAgent(paths: ClusterPaths): JolokiaCredentials {
  assertPolicyValid(JOLOKIA_POLICY);
  const credentials = ensureJolokiaCredentials(paths);
  // Hex passwords need no escaping in a .properties file.
  writePrivate(
    paths.jolokiaAgentProperties,
    `# Written by Ringside's local-cluster tool at every start; the console's copy is jolokia-credentials.json.\n` +
      `user=${credentials.username}\npassword=${credentials.password}\nauthMode=basic\n`,
  );
  return credentials;
}

/** The `-javaagent:` value: everything but the secret, which sits in the `config=` file. */
export function jolokiaAgentArgument(agentJar: string, paths: ClusterPaths, node: NodeSpec): string {
  const options = [
    `host=${node.address}`,
    `port=${node.jolokiaPort}`,
    `config=${paths.jolokiaAgentProperties}`,
    `policyLocation=file://${JOLOKIA_POLICY}`,
    // The 2.6.0 agent bundles the JSR-160 proxy: any request with a `target` would be forwarded to a JMX URL the caller names.
    `disabledServices=${JSR160_PROXY}`,
    'discoveryEnabled=false',
    'includeStackTrace=false',
    // Several threads: the agent is single-threaded by default, so one long operation (a major
    // compaction, a flush) would hold every metrics read behind it.
    'executor=fixed',
    'threadNr=4',
  ];
  for (const option of options)
    if (/[,\\]/.test(option))
      throw new JolokiaSetupError(`the Jolokia agent option "${option}" holds a "," or "\\": move the cluster folder`);
  return `-javaagent:${agentJar}=${options.join(',')}`;
}

/** True when the JVM with this pid was started with the current agent arguments (a policy and the config file). */
export function startedLockedDown(pid: number, paths: ClusterPaths): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return (
      cmdline.includes(`policyLocation=file://${JOLOKIA_POLICY}`) &&
      cmdline.includes(`config=${paths.jolokiaAgentProperties}`) &&
      cmdline.includes(`disabledServices=${JSR160_PROXY}`)
    );
  } catch {
    return false;
  }
}
