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
