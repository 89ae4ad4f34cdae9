import { createRequire } from 'node:module';
import type * as Net from 'node:net';

/**
 * Built-in modules that most runs never need, loaded on first use. `node:net` brings Node's whole streams
 * stack with it (about 30 internal modules) and is needed only when a value is an IP address.
 */
const load = createRequire(import.meta.url);

let net: typeof Net | undefined;

export function netModule(): typeof Net {
  return (net ??= load('node:net') as typeof Net);
}
