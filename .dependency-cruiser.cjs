/**
 * Import boundaries, checked by `npm run lint` (dependency-cruiser). docs/architecture.md draws them:
 *   lib/          neutral code both sides need: imports no other folder of ours and no Node or driver module
 *   components/   the browser: from server/ only types (the tRPC router's type, row types)
 *   server/       never localcluster/, e2e/, testing/, components/ or app/ (tests beside the code may use test support)
 *   server/cluster/  the bottom layer: nothing from the domains above it
 * and no import cycles anywhere.
 */
const TESTS = '\\.(test|int\\.test)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and modules impossible to read alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-neutral',
      severity: 'error',
      comment:
        'lib/ is shared by the browser and the server: it imports none of our other folders, and no Node module.',
      from: { path: '^lib/', pathNot: TESTS },
      to: { path: '^(app|components|server|localcluster|e2e|testing)/|cassandra-driver|better-sqlite3|server-only' },
    },
    {
      name: 'lib-uses-no-node-builtins',
      severity: 'error',
      comment: 'lib/ runs in the browser too.',
      from: { path: '^lib/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'components-take-only-types-from-server',
      severity: 'error',
      comment: 'The browser bundle must never pull in server code: import types only (`import type`).',
      from: { path: '^components/', pathNot: TESTS },
      to: { path: '^server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-never-imports-tooling',
      severity: 'error',
      from: { path: '^(components|app|lib)/', pathNot: TESTS },
      to: { path: '^(localcluster|e2e|testing)/' },
    },
    {
      name: 'server-never-imports-tooling-or-ui',
      severity: 'error',
      comment: 'The console server runs in production: the local-cluster tool, e2e and test support are not there.',
      from: { path: '^server/', pathNot: TESTS },
      to: { path: '^(localcluster|e2e|testing|components|app)/' },
    },
    {
      name: 'cluster-access-is-the-bottom-layer',
      severity: 'error',
      comment: 'server/cluster/ talks to clusters; the domains build on it, never the other way round.',
      from: { path: '^server/cluster/', pathNot: TESTS },
      to: { path: '^server/', pathNot: '^server/(cluster/|config\\.ts$|process-singleton\\.ts$|log/)' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.test-output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
