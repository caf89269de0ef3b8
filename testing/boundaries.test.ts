/**
 * The import boundaries (.dependency-cruiser.cjs) hold what they promise: a tree with one wrong
 * import of each kind, checked by the same config `npm run lint` uses, fails on each of them — and
 * a type-only import from server/ into components/ passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

const TREE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx' },
  }),
  'server/config.ts': 'export const secret = 1;\nexport type Row = { a: number };\n',
  'components/takes-a-value.tsx': "import { secret } from '../server/config';\nexport const x = secret;\n",
  'components/takes-a-type.tsx': "import type { Row } from '../server/config';\nexport const y: Row = { a: 1 };\n",
  'localcluster/tool.ts': 'export const tool = 1;\n',
  'server/uses-tool.ts': "import { tool } from '../localcluster/tool';\nexport const z = tool;\n",
  'testing/support.ts': 'export const support = 1;\n',
  'server/uses-support.ts': "import { support } from '../testing/support';\nexport const s = support;\n",
  'server/nodes/domain.ts': 'export const d = 1;\n',
  'server/cluster/reaches-up.ts': "import { d } from '../nodes/domain';\nexport const c = d;\n",
  'lib/uses-node.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  'lib/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
  'lib/b.ts': "import { a } from './a';\nexport const b = 1;\nexport const c2 = a;\n",
};

describe('import boundaries', () => {
  it('fail on each kind of wrong import, and let a type-only import through', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringside-boundaries-'));
    for (const [path, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/depcruise'),
      ['components', 'server', 'localcluster', 'testing', 'lib', '--config', join(ROOT, '.dependency-cruiser.cjs')],
      { cwd: dir, encoding: 'utf8' },
    );
    const report = run.stdout + run.stderr;
    expect(run.status, report).not.toBe(0);
    expect(report).toContain('components-take-only-types-from-server: components/takes-a-value.tsx → server/config.ts');
    expect(report).not.toContain('components/takes-a-type.tsx');
    expect(report).toContain('server-never-imports-tooling-or-ui: server/uses-tool.ts → localcluster/tool.ts');
    expect(report).toContain('server-never-imports-tooling-or-ui: server/uses-support.ts → testing/support.ts');
    expect(report).toContain(
      'cluster-access-is-the-bottom-layer: server/cluster/reaches-up.ts → server/nodes/domain.ts',
    );
    expect(report).toContain('lib-uses-no-node-builtins: lib/uses-node.ts → fs');
    expect(report).toMatch(/no-circular: lib\/(a|b)\.ts/);
  }, 60_000);
});
