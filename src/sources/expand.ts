import { InputError } from '../core/errors.js';
import { describeOrigin, type Variable } from '../core/variable.js';
import { expand } from 'dotenv-expand';
import { boundedExpand, ExpansionTimeout, mayNeverFinish } from './bounded-expand.js';

/**
 * `${NAME}` / `$NAME` expansion with dotenv-expand, over dotenv definitions only (runtime values are literal).
 * Context = the effective (non-shadowed) definitions, in order of each name's first appearance, which is what
 * Vite does when it merges `.env` files: pass layered sets lowest precedence first so that `.env.production`
 * can use a name from `.env`. dotenv-expand is progressive: a reference to a name that comes later is empty.
 * A fresh `processEnv` object keeps the real process.env out of it (dotenv-expand reads and writes it).
 */
export function expandVariables(vars: Variable[]): Variable[] {
  // Nothing to expand (most files): skip dotenv-expand, which costs ~15 µs per variable.
  if (!vars.some((v) => mayExpand(v.value))) return vars;
  // The watchdog costs a thread per call; only input with a `\$` escape can make dotenv-expand loop.
  const run = mayNeverFinish(vars.map((v) => v.value)) ? boundedExpand : expand;
  const effective = new Map<string, string>();
  for (const v of vars) if (!v.shadowedBy) effective.set(v.name, v.value);
  const order = [...new Set(vars.map((v) => v.name))].filter((n) => effective.has(n));
  // dotenv-expand copies its whole running context for every entry (quadratic in the file's length), but an
  // entry it cannot change after the last entry it can comes out unchanged; so only that head is handed over.
  // (Handing it one entry at a time would change results: it stops expanding a value once it equals an
  // earlier entry of its own context.)
  const head = order.slice(0, lastIndexWhere(order, (n) => mayExpand(effective.get(n) as string)) + 1);
  // Object.fromEntries defines own properties, so a name such as `__proto__` stays a plain key.
  const headOf = (length: number): Record<string, string> =>
    Object.fromEntries(head.slice(0, length).map((n) => [n, effective.get(n) as string]));
  const parsed = headOf(head.length);
  let expanded: Record<string, string>;
  try {
    expanded = run({ parsed, processEnv: {} }).parsed ?? parsed;
  } catch (error) {
    if (!(error instanceof ExpansionTimeout)) throw error;
    // Expansion is progressive, so the first entry that never finishes is where every longer head hangs.
    let lo = 1;
    let hi = head.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hangs(() => boundedExpand({ parsed: headOf(mid), processEnv: {} }, SEARCH_TIMEOUT_MS))) hi = mid;
      else lo = mid + 1;
    }
    const name = head[lo - 1] as string;
    throw endless(vars.find((v) => v.name === name && !v.shadowedBy) as Variable);
  }
  const context: Record<string, string> = Object.fromEntries(
    order.map((n) => [n, (Object.hasOwn(expanded, n) ? expanded[n] : effective.get(n)) as string])
  );

  return vars.map((v) => {
    if (!v.shadowedBy) {
      const value = context[v.name] ?? v.value;
      return value === v.value ? v : { ...v, value };
    }
    if (!mayExpand(v.value)) return v;
    // A shadowed definition sees the same (already expanded) context, minus its own name: dotenv-expand
    // would otherwise replace the value with the context's value of that name.
    const others: Record<string, string> = { ...context };
    delete others[v.name];
    let one: Record<string, string> | undefined;
    try {
      one = run({ parsed: Object.fromEntries([[v.name, v.value]]), processEnv: others }).parsed;
    } catch (error) {
      throw error instanceof ExpansionTimeout ? endless(v) : error;
    }
    return { ...v, value: one?.[v.name] ?? v.value };
  });
}

/**
 * Whether dotenv-expand could change the value: a `${…}` or `$NAME` reference (its regex, without the
 * look-behind for an escaping backslash, so a superset) or a `\$` escape, which it turns into `$`.
 * A `$` before a digit or a space, or at the end, passes through it unchanged.
 */
const EXPANDABLE = /\$(?:\{[^{}]+\}|[A-Za-z_])|\\\$/;

function mayExpand(value: string): boolean {
  return value.includes('$') && EXPANDABLE.test(value);
}

/** Per step while looking for the entry that hangs: a finishing expansion takes well under a millisecond. */
const SEARCH_TIMEOUT_MS = 250;

function hangs(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (error instanceof ExpansionTimeout) return true;
    throw error;
  }
}

function endless(variable: Variable): InputError {
  return new InputError(
    `${describeOrigin(variable.origin)}: ${variable.name}: its \${…} / $NAME expansion never finishes ` +
      '(dotenv-expand loops on it); rewrite or remove the reference'
  );
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
