/**
 * Unit-test support: a console configuration written to a fresh temporary folder (which is also its
 * store's dataDir) and named by RINGSIDE_CONFIG, and the TRPCError a call fails with.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';

export function useTemporaryConfig(config: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-unit-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ dataDir: dir, ...config }));
  process.env.RINGSIDE_CONFIG = file;
  return dir;
}

export async function trpcErrorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a TRPCError');
}
