import { expand } from 'dotenv-expand';
import type { Variable } from '../core/variable.js';

/**
 * `${NAME}` / `$NAME` expansion with dotenv-expand, over dotenv definitions only (runtime values are literal).
 * Context = the effective (non-shadowed) definitions, in order of each name's first appearance, which is what
 * Vite does when it merges `.env` files: pass layered sets lowest precedence first so that `.env.production`
 * can use a name from `.env`. dotenv-expand is progressive: a reference to a name that comes later is empty.
 * A fresh `processEnv` object keeps the real process.env out of it (dotenv-expand reads and writes it).
 */
export function expandVariables(vars: Variable[]): Variable[] {
  // Nothing to expand without a `$` (most files): skip dotenv-expand, which costs ~15 µs per variable.
  if (!vars.some((v) => v.value.includes('$'))) return vars;
  const effective = new Map<string, string>();
  for (const v of vars) if (!v.shadowedBy) effective.set(v.name, v.value);
  const order = [...new Set(vars.map((v) => v.name))].filter((n) => effective.has(n));
  // dotenv-expand copies its whole running context for every entry (quadratic in the file's length), but an
  // entry without `$` after the last entry with one comes out unchanged; so only that head is handed over.
  const head = order.slice(0, lastIndexWhere(order, (n) => (effective.get(n) as string).includes('$')) + 1);
  // Object.fromEntries defines own properties, so a name such as `__proto__` stays a plain key.
  const parsed = Object.fromEntries(head.map((n) => [n, effective.get(n) as string]));
  const expanded: Record<string, string> = expand({ parsed, processEnv: {} }).parsed ?? parsed;
  const context: Record<string, string> = Object.fromEntries(
    order.map((n) => [n, (Object.hasOwn(expanded, n) ? expanded[n] : effective.get(n)) as string])
  );

  return vars.map((v) => {
    if (!v.shadowedBy) return { ...v, value: context[v.name] ?? v.value };
    // A shadowed definition sees the same (already expanded) context, minus its own name: dotenv-expand
    // would otherwise replace the value with the context's value of that name.
    const others: Record<string, string> = { ...context };
    delete others[v.name];
    const one = expand({ parsed: Object.fromEntries([[v.name, v.value]]), processEnv: others }).parsed;
    return { ...v, value: one?.[v.name] ?? v.value };
  });
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
