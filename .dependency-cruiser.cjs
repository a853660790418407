/**
 * Import rules the build enforces (npm test runs `npm run lint:imports`).
 *
 * The server is the bottom of the project: seed/ (the CLI), bench/ and
 * scripts/ import it, tests/ import anything, and nothing under server/
 * imports from seed/, bench/, scripts/ or client/. The story format lives in
 * server/domain/story/ for exactly this reason. The domain is the bottom of
 * the server: it knows no store, GraphQL or question engine.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'server-imports-outside',
      comment:
        'server/ must not import from seed/, bench/, scripts/ or client/: imports run one way (seed, bench and scripts -> server). Move what both need under server/ (the story format is in server/domain/story/).',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(seed|bench|scripts|client)/' },
    },
    {
      name: 'domain-imports-layers-above',
      comment: 'server/domain/ is plain data and rules: it must not import the store, GraphQL, the question engine or the app.',
      severity: 'error',
      from: { path: '^server/domain/' },
      to: { path: '^server/(?!domain/)' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a moved file.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|client/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
