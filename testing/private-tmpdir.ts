/**
 * Vitest global setup for the unit layer: one temporary folder for the whole run, named by TMPDIR so
 * that every `os.tmpdir()` in the tests and the code under test lands inside it (the test workers
 * inherit the variable), removed when the run ends. Unit tests make a store, a config or a credentials
 * file in a fresh folder each; about 2,500 of them were left in /tmp after a day of runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ringside-unit-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
