// The layer rules of docs/architecture.md ("may import"), checked by `npm test` (npm run layers).
// Each folder of src/ may import only the folders its row names; type-only imports are allowed
// where the row says "types". Imports that broke a rule when the checker came in are listed in
// .dependency-cruiser-known-violations.json (shown, not failed); any new one fails the build.
// Remove a line from that file when its import is fixed (`npm run layers:baseline` rewrites it).

/** A rule: files under `from` may import, among src/, only the `allowed` folders (and types of `types`,
 *  and anything from the single files in `files`). */
function layer(name, from, allowed, types = [], files = []) {
  const ok = [...[from, ...allowed].map((f) => `^src/${f}/`), ...files.map((f) => `^src/${f.replace(/\./g, '\\.')}$`)].join('|');
  const rules = [
    {
      name: `${name}-imports`,
      comment: `src/${from}/ may import ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'nothing else in src/'} (docs/architecture.md)`,
      severity: 'error',
      from: { path: `^src/${from}/` },
      to: { path: '^src/', pathNot: `${ok}${types.length ? `|${types.map((f) => `^src/${f}/`).join('|')}` : ''}` },
    },
  ];
  if (types.length) {
    rules.push({
      name: `${name}-imports-types-only`,
      comment: `src/${from}/ may import only types from ${types.map((f) => `src/${f}/`).join(', ')} (docs/architecture.md)`,
      severity: 'error',
      from: { path: `^src/${from}/` },
      to: {
        path: types.map((f) => `^src/${f}/`).join('|'),
        ...(files.length ? { pathNot: files.map((f) => `^src/${f.replace(/\./g, '\\.')}$`).join('|') } : {}),
        dependencyTypesNot: ['type-only'],
      },
    });
  }
  return rules;
}

/** npm packages that touch the page (DOM, WebGL, storage) or define the edge's validation. */
const PAGE = '(^|node_modules/)(maplibre-gl|pmtiles|preact|@preact/|terra-draw|idb-keyval|comlink)';

module.exports = {
  forbidden: [
    ...layer('core', 'core', []),
    ...layer('schemas', 'schemas', ['core']),
    // report-rows.ts turns core's results into text in the reader's language
    ...layer('i18n', 'i18n', ['core']),
    ...layer('io', 'io', ['core', 'schemas', 'i18n']),
    ...layer('service', 'service', ['core', 'schemas', 'io', 'i18n']),
    // the worker is transport only: Comlink around an analysis session
    ...layer('worker', 'worker', ['service', 'core'], ['io', 'i18n']),
    // the workspace client reads the server's answers through the API schemas it shares (docs/server.md);
    // the page reads a scenario file and the project's scenario part itself (schemas/scenario.ts)
    ...layer('state', 'state', ['core', 'worker', 'service', 'i18n', 'io'], ['map', 'schemas'], ['schemas/workspace.ts', 'schemas/scenario.ts']),
    ...layer('map', 'map', ['core'], ['state', 'i18n']),
    // the ui names the app's type (src/app.ts, createApp) and receives the app itself through AppContext
    ...layer('ui', 'ui', ['state', 'map', 'i18n', 'core'], [], ['app.ts']),
    {
      name: 'ui-imports-app-types-only',
      comment: 'src/ui may import only the type of src/app.ts: the app is built once, by src/main.tsx (docs/architecture.md)',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/app\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-built-only-by-main',
      comment: 'createApp (src/app.ts) is called by src/main.tsx alone; everything else gets the app passed in',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main\\.tsx|ui/)' },
      to: { path: '^src/app\\.ts$' },
    },
    ...layer('cli', 'cli', ['core', 'schemas', 'io', 'i18n', 'service']),
    ...layer('server', 'server', ['core', 'schemas', 'i18n']),
    {
      name: 'page-never-imports-server',
      comment: 'src/server is Node only (docs/server.md): nothing the page bundles may import it',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server|cli)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'core-npm',
      comment: 'src/core is pure domain code: no page libraries, no Zod (validation lives in src/schemas)',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'], path: `${PAGE}|(^|node_modules/)zod/` },
    },
    {
      name: 'core-node',
      comment: 'src/core runs in the browser and the worker too: no Node built-ins',
      severity: 'error',
      from: { path: '^src/(core|schemas|i18n|map|state|ui|worker|service)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'page-libraries-outside-the-page',
      comment: 'page libraries belong to src/map, src/state, src/ui, src/worker and src/main.tsx (the analysis session runs in Node too)',
      severity: 'error',
      from: { path: '^src/(schemas|io|i18n|cli|server|service)/' },
      to: { path: PAGE },
    },
    {
      name: 'maplibre-only-in-mapview',
      comment: 'MapView.ts is the only file that loads maplibre-gl and pmtiles (types may be named elsewhere in src/map)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/map/MapView\\.ts$' },
      to: { path: '(^|node_modules/)(maplibre-gl|pmtiles)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'storage-is-a-port',
      comment: 'IndexedDB (idb-keyval) is reached through the storage port built in src/main.tsx, not imported by features',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.tsx$' },
      to: { path: '(^|node_modules/)idb-keyval/' },
    },
    {
      name: 'ui-builds-no-geometry',
      comment: 'geometry and map layers are built by src/core and the src/map builders; src/ui only shows them',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '(^|node_modules/)@turf/' },
    },
    {
      name: 'src-not-tests-or-scripts',
      comment: 'the product never imports tests or build scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts)/' },
    },
    {
      name: 'scripts-not-tests',
      comment: 'scripts are run by users and CI; tests may import scripts, not the other way round',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^tests/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing is a typo or a missing dependency',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|tests/output)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
