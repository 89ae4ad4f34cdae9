import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import license from 'rollup-plugin-license';

/**
 * Two ES module bundles, built separately so dist/cli.js never contains or loads @actions/*: dist/index.js (the
 * action) and dist/cli.js (the CLI). Each loads what a run uses: the glob library, the online checks, the site
 * check, the hosts' SDKs and (the action) Octokit are chunks of their own (`action-*.js`, `cli-*.js`), imported
 * only by a run that needs them.
 */
/** @returns {import('rollup').RollupOptions} */
function bundle(input, output, licensesFile) {
  return {
    input,
    output: { format: 'es', sourcemap: false, ...output },
    plugins: [
      noOptionalPicomatch(),
      noOidcHttpClient(),
      typescript({ tsconfig: './tsconfig.build.json' }),
      nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
      commonjs(),
      json(),
      // The committed bundles contain third-party code: ship its license texts beside them, as MIT and the
      // like require. (dotenv-expand's algorithm is ported into src/, its notice kept in a /*! comment.)
      license({ thirdParty: { output: { file: licensesFile }, includePrivate: false } })
    ],
    onwarn(warning, warn) {
      // Dependencies use `this` at module scope, circular imports and pure-annotations in odd places (zod): all harmless.
      if (['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION'].includes(warning.code ?? '')) return;
      warn(warning);
    }
  };
}

/**
 * fdir (under tinyglobby) tries `require("picomatch")` at run time for a feature tinyglobby does not use.
 * In a bundle that would load picomatch from whatever node_modules is around (or nothing), so a run would
 * depend on the machine; this makes the bundle never try.
 */
function noOptionalPicomatch() {
  return {
    name: 'no-optional-picomatch',
    transform(code, id) {
      if (!id.includes('/fdir/')) return null;
      const patched = code.replace('__require.resolve("picomatch");', 'throw new Error("picomatch not bundled");');
      return patched === code ? null : { code: patched, map: null };
    }
  };
}

/**
 * @actions/core imports its OIDC client for getIDToken, which the action never calls, and through it
 * @actions/http-client, tunnel and undici. That static import would put undici (a third of the action's code) in
 * dist/index.js, loaded before the first line of every run, even though only the online checks (a chunk of their
 * own) use it. For that one importer, @actions/http-client is a stub that refuses to be used.
 */
function noOidcHttpClient() {
  const STUB = '\0no-oidc-http-client';
  return {
    name: 'no-oidc-http-client',
    resolveId(source, importer) {
      const fromOidc = importer !== undefined && /[/\\]@actions[/\\]core[/\\]lib[/\\]oidc-utils\.js$/.test(importer);
      return fromOidc && source.startsWith('@actions/http-client') ? STUB : null;
    },
    load(id) {
      if (id !== STUB) return null;
      const refuse = "throw new Error('@actions/http-client is not bundled (OIDC tokens are not used)');";
      return `export class HttpClient { constructor() { ${refuse} } }\nexport class BearerCredentialHandler { constructor() { ${refuse} } }\n`;
    }
  };
}

export default [
  bundle(
    'src/index.ts',
    { dir: 'dist', entryFileNames: 'index.js', chunkFileNames: 'action-[name].js' },
    'dist/licenses.txt'
  ),
  bundle(
    'src/cli-main.ts',
    {
      dir: 'dist',
      entryFileNames: 'cli.js',
      chunkFileNames: 'cli-[name].js',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : '')
    },
    'dist/cli-licenses.txt'
  )
];
