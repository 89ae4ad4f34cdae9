import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { fileURLToPath } from 'node:url';
import license from 'rollup-plugin-license';

/**
 * Two ES module bundles, built separately so dist/cli.js never contains or loads @actions/*: dist/index.js (the
 * action) and dist/cli.js (the CLI). Each loads what a run uses: the glob library, the online checks, the site
 * check, the hosts' SDKs and (the action) Octokit are chunks of their own (`action-*.js`, `cli-*.js`), imported
 * only by a run that needs them.
 */
/**
 * Packages whose modules do nothing at import but define what they export, though their package.json does not say
 * so (`"sideEffects": false`): a module of theirs that no used export needs is left out. jsonc-parser's formatter
 * (unused) builds 1,200 indentation strings at import, ~5 ms of every run's start-up.
 */
const SIDE_EFFECT_FREE = /[/\\]node_modules[/\\]jsonc-parser[/\\]/;

/** @returns {import('rollup').RollupOptions} */
function bundle(input, output, licensesFile) {
  return {
    input,
    output: { format: 'es', sourcemap: false, ...output },
    treeshake: { moduleSideEffects: (id) => !SIDE_EFFECT_FREE.test(id) },
    plugins: [
      noOptionalPicomatch(),
      unusedByTheAction(),
      randomUUIDWithoutCrypto(),
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
 * @actions/core statically imports two modules the action never uses: its OIDC client (getIDToken), and through it
 * @actions/http-client, tunnel and undici; and `platform` (getDetails), and through it @actions/exec and
 * @actions/io. Those imports would put undici (a third of the action's code) in dist/index.js and load
 * child_process and more before the first line of every run, although only the online checks (a chunk of their own)
 * use undici. For those two importers only, the packages are stubs that refuse to be used.
 */
const UNUSED_BY_THE_ACTION = [
  {
    importer: /[/\\]@actions[/\\]core[/\\]lib[/\\]oidc-utils\.js$/,
    source: /^@actions\/http-client/,
    names: ['HttpClient', 'BearerCredentialHandler']
  },
  {
    importer: /[/\\]@actions[/\\]core[/\\]lib[/\\]platform\.js$/,
    source: /^@actions\/exec$/,
    names: ['exec', 'getExecOutput']
  }
];

function unusedByTheAction() {
  const PREFIX = '\0unused-by-the-action:';
  return {
    name: 'unused-by-the-action',
    resolveId(source, importer) {
      const index = UNUSED_BY_THE_ACTION.findIndex(
        (stub) => importer !== undefined && stub.importer.test(importer) && stub.source.test(source)
      );
      return index >= 0 ? `${PREFIX}${index}` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const stub = UNUSED_BY_THE_ACTION[Number(id.slice(PREFIX.length))];
      const refuse = "throw new Error('not bundled: the action does not use it');";
      return stub.names.map((name) => `export function ${name}() { ${refuse} }\n`).join('');
    }
  };
}

/**
 * @actions/core imports node:crypto only for `randomUUID` (an output's heredoc delimiter). Loading node:crypto costs
 * about 8 ms of every action run's start-up; src/core/random-uuid.ts gives the same unguessable UUID from the
 * kernel's generator and loads node:crypto only where there is no /dev/urandom.
 */
function randomUUIDWithoutCrypto() {
  return {
    name: 'random-uuid-without-crypto',
    resolveId(source, importer) {
      if (source !== 'crypto' || !/[/\\]@actions[/\\]core[/\\]lib[/\\]file-command\.js$/.test(importer ?? ''))
        return null;
      return fileURLToPath(new URL('src/core/random-uuid.ts', import.meta.url));
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
