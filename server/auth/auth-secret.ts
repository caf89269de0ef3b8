import 'server-only';
/**
 * The key better-auth signs session cookies with: BETTER_AUTH_SECRET when set (several consoles must
 * share one), else a random one made on first start and kept beside the store, mode 600. No secret is
 * built in: a console that could not keep one would refuse to start rather than use a known value.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MIN_LENGTH = 32;

export function authSecret(dataDir: string, env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.BETTER_AUTH_SECRET;
  if (fromEnv !== undefined) {
    if (fromEnv.length < MIN_LENGTH)
      throw new Error(`BETTER_AUTH_SECRET holds fewer than ${MIN_LENGTH} characters: use \`openssl rand -hex 32\``);
    return fromEnv;
  }
  const file = join(resolve(/*turbopackIgnore: true*/ dataDir), 'auth-secret');
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    try {
      writeFileSync(/*turbopackIgnore: true*/ file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      chmodSync(/*turbopackIgnore: true*/ file, 0o600);
    } catch (error) {
      // Another process of this console made it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(/*turbopackIgnore: true*/ file).mode & 0o077) !== 0)
    throw new Error(`${file}: other users may read the session-signing key; \`chmod 600\` it`);
  const secret = readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim();
  if (secret.length < MIN_LENGTH)
    throw new Error(`${file}: shorter than ${MIN_LENGTH} characters; delete it to make a new one`);
  return secret;
}
