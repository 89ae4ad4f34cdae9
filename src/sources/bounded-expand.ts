import { expand, type DotenvExpandOptions } from 'dotenv-expand';
import type { Context, Script } from 'node:vm';
import { vmModule } from '../core/builtins.js';

/**
 * dotenv-expand, stopped if it runs too long. dotenv-expand 12.0.3 loops forever on some inputs, e.g.
 *   A=\$A
 *   B=$A$B
 * (replacing `$A` with `$A` leaves the value unchanged, and it searches again from the start). A gate that
 * hangs holds a deploy until the job times out, with no word on why; stopped, it names the variable.
 *
 * A `vm` timeout is the one way Node stops synchronous code in the same thread: its watchdog terminates
 * whatever JavaScript runs, here the library's loop. One small context, made on first need.
 *
 * The watchdog is a thread per call and the call crosses contexts, which together cost more than the
 * expansion itself (about 40 ms over a 1,000-file tree), so it guards only the input that can loop: a value
 * with a `\$` escape. Without one, every expanded value is free of references, so each replacement changes
 * the text and the loop ends (and 300,000 random inputs without `\$` never hung; with it, 1 in 400 did).
 */
export class ExpansionTimeout extends Error {
  override readonly name = 'ExpansionTimeout';
}

/** Far above what any real file needs (well under a millisecond), far below a CI job's patience. */
export const EXPAND_TIMEOUT_MS = 2000;

let sandbox: Context | undefined;
let call: Script | undefined;

export function boundedExpand(options: DotenvExpandOptions, timeoutMs = EXPAND_TIMEOUT_MS): ReturnType<typeof expand> {
  const vm = vmModule();
  sandbox ??= vm.createContext({ expand, options: undefined });
  call ??= new vm.Script('expand(options)');
  sandbox.options = options;
  try {
    return call.runInContext(sandbox, { timeout: timeoutMs }) as ReturnType<typeof expand>;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new ExpansionTimeout();
    throw error;
  } finally {
    sandbox.options = undefined;
  }
}

/**
 * Whether dotenv-expand could loop on these raw dotenv values (before any expansion: an expanded value has
 * its escapes resolved already, so it no longer shows them).
 */
export function mayNeverFinish(rawValues: readonly string[]): boolean {
  return rawValues.some((value) => value.includes('\\$'));
}
