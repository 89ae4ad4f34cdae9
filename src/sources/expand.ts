import { InputError } from '../core/errors.js';
import { describeOrigin, type Origin, type Reference, type Variable } from '../core/variable.js';
import { EndlessExpansion, expandDotenv } from './dotenv-expand.js';

/** The deployment's own environment, as expansion sees it: what `process.env` would hold. */
export interface ExpansionEnvironment {
  /** Name → value, own properties only (a name such as `__proto__` is a plain key). */
  values: Record<string, string>;
  /** Name → where that value comes from (vars, secrets, env). */
  origins: ReadonlyMap<string, Origin>;
}

const NO_ENVIRONMENT: ExpansionEnvironment = { values: {}, origins: new Map() };

/**
 * `${NAME}` / `$NAME` expansion as dotenv-expand does it (see dotenv-expand.ts), over dotenv definitions, against
 * the deployment's environment: Vite's `loadEnv`, `@next/env` and dotenv-expand all expand against `process.env`,
 * whose values win over the files'. A name the environment defines is shadowed in the files already (see
 * runtime.ts), so its file definitions are not in the context. Context = the effective (non-shadowed)
 * definitions, in order of each name's first appearance, which is what Vite does when it merges `.env` files:
 * pass layered sets lowest precedence first so that `.env.production` can use a name from `.env`. Expansion is
 * progressive: a reference to a name that comes later is empty. An expanded variable records what it was
 * expanded from (`references`), so a finding on it can say so.
 */
export function expandVariables(vars: Variable[], environment: ExpansionEnvironment = NO_ENVIRONMENT): Variable[] {
  if (!vars.some((v) => mayExpand(v.value))) return vars;
  // Names in order of first appearance (as dotenv.parse builds its object), each with its effective definition.
  const effective = new Map<string, Variable | undefined>();
  for (const v of vars) if (!effective.has(v.name)) effective.set(v.name, undefined);
  for (const v of vars) if (!v.shadowedBy) effective.set(v.name, v);
  const originOf = (name: string): Origin | undefined => environment.origins.get(name) ?? effective.get(name)?.origin;

  // Object.fromEntries defines own properties, so a name such as `__proto__` stays a plain key; its key order
  // (integer-like names first) is the order dotenv-expand walks an object in.
  const context = Object.fromEntries(
    [...effective].flatMap(([name, v]) => (v ? [[name, v.value] as const] : []))
  ) as Record<string, string>;
  const references = new Map<string, Reference[]>();
  const record = (key: string, name: string): void => {
    const origin = originOf(name);
    if (!origin) return;
    const list = references.get(key) ?? [];
    if (!list.some((r) => r.name === name)) list.push({ name, origin });
    references.set(key, list);
  };
  try {
    expandDotenv({ parsed: context, processEnv: environment.values, onReference: record });
  } catch (error) {
    throw error instanceof EndlessExpansion ? endless(effective.get(error.key) as Variable) : error;
  }

  return vars.map((v) => {
    if (!v.shadowedBy) {
      const value = context[v.name] as string;
      const from = references.get(v.name);
      return value === v.value ? v : { ...v, value, ...(from && { references: from }) };
    }
    if (!mayExpand(v.value)) return v;
    // A shadowed definition sees the same (already expanded) context and environment, minus its own name:
    // dotenv-expand would otherwise replace the value with that name's value.
    const others: Record<string, string> = { ...context, ...environment.values };
    delete others[v.name];
    const one = Object.fromEntries([[v.name, v.value]]) as Record<string, string>;
    const shadowedKey = `\u0000${v.name}`;
    try {
      expandDotenv({ parsed: one, processEnv: others, onReference: (_, name) => record(shadowedKey, name) });
    } catch (error) {
      throw error instanceof EndlessExpansion ? endless(v) : error;
    }
    const from = references.get(shadowedKey);
    references.delete(shadowedKey);
    return { ...v, value: one[v.name] as string, ...(from && { references: from }) };
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
