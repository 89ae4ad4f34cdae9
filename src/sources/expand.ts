import { InputError } from '../core/errors.js';
import { describeOrigin, type Variable } from '../core/variable.js';
import { EndlessExpansion, expandDotenv } from './dotenv-expand.js';

/**
 * `${NAME}` / `$NAME` expansion as dotenv-expand does it (see dotenv-expand.ts), over dotenv definitions only
 * (runtime values are literal). Context = the effective (non-shadowed) definitions, in order of each name's
 * first appearance, which is what Vite does when it merges `.env` files: pass layered sets lowest precedence
 * first so that `.env.production` can use a name from `.env`. Expansion is progressive: a reference to a name
 * that comes later is empty.
 */
export function expandVariables(vars: Variable[]): Variable[] {
  // Nothing to expand (most files): no context to build.
  if (!vars.some((v) => mayExpand(v.value))) return vars;
  // Names in order of first appearance (as dotenv.parse builds its object), each with its effective value.
  const effective = new Map<string, string | undefined>();
  for (const v of vars) if (!effective.has(v.name)) effective.set(v.name, undefined);
  for (const v of vars) if (!v.shadowedBy) effective.set(v.name, v.value);
  // Object.fromEntries defines own properties, so a name such as `__proto__` stays a plain key; its key order
  // (integer-like names first) is the order dotenv-expand walks an object in.
  const context = Object.fromEntries([...effective].filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
  try {
    expandDotenv({ parsed: context, processEnv: {} });
  } catch (error) {
    throw error instanceof EndlessExpansion
      ? endless(vars.find((v) => v.name === error.key && !v.shadowedBy) as Variable)
      : error;
  }

  return vars.map((v) => {
    if (!v.shadowedBy) {
      const value = context[v.name] as string;
      return value === v.value ? v : { ...v, value };
    }
    if (!mayExpand(v.value)) return v;
    // A shadowed definition sees the same (already expanded) context, minus its own name: dotenv-expand
    // would otherwise replace the value with the context's value of that name.
    const others: Record<string, string> = { ...context };
    delete others[v.name];
    const one = Object.fromEntries([[v.name, v.value]]) as Record<string, string>;
    try {
      expandDotenv({ parsed: one, processEnv: others });
    } catch (error) {
      throw error instanceof EndlessExpansion ? endless(v) : error;
    }
    return { ...v, value: one[v.name] as string };
  });
}

/**
 * Whether expansion could change the value: a `${…}` or `$NAME` reference (dotenv-expand's regex, without the
 * look-behind for an escaping backslash, so a superset) or a `\$` escape, which it turns into `$`.
 * A `$` before a digit or a space, or at the end, passes through unchanged.
 */
const EXPANDABLE = /\$(?:\{[^{}]+\}|[A-Za-z_])|\\\$/;

function mayExpand(value: string): boolean {
  return value.includes('$') && EXPANDABLE.test(value);
}

function endless(variable: Variable): InputError {
  return new InputError(
    `${describeOrigin(variable.origin)}: ${variable.name}: its \${…} / $NAME expansion does not finish ` +
      '(dotenv-expand would loop or grow the value without bound); rewrite or remove the reference'
  );
}
