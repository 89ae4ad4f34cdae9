import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

/**
 * Two self-contained ES module bundles: the action and the CLI. They are built separately (no shared
 * chunks) so dist/cli.js never contains or loads @actions/* or Octokit.
 */
/** @returns {import('rollup').RollupOptions} */
function bundle(input, file, banner) {
  return {
    input,
    output: { file, format: 'es', sourcemap: false, banner, inlineDynamicImports: true },
    plugins: [
      typescript({ tsconfig: './tsconfig.build.json' }),
      nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
      commonjs(),
      json()
    ],
    onwarn(warning, warn) {
      // Dependencies use `this` at module scope, circular imports and pure-annotations in odd places (zod): all harmless.
      if (['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION'].includes(warning.code ?? '')) return;
      warn(warning);
    }
  };
}

export default [
  bundle('src/index.ts', 'dist/index.js'),
  bundle('src/cli-main.ts', 'dist/cli.js', '#!/usr/bin/env node')
];
