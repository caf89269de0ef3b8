/**
 * Which cqlsh the tests compare the workbench's formatting with: `RINGSIDE_CQLSH` if set, else the
 * venv `scripts/ensure-deps.sh --cqlsh` installs into the cache, else `cqlsh` on the PATH.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from './artifacts';

export function cqlshCommand(): string {
  if (process.env.RINGSIDE_CQLSH) return process.env.RINGSIDE_CQLSH;
  const cached = join(cacheRoot(), 'cqlsh-venv', 'bin', 'cqlsh');
  return existsSync(cached) ? cached : 'cqlsh';
}
