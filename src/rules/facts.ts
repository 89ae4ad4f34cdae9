import { parsePublishableKey, type ParsedPublishableKey } from '../clerk/publishable-key.js';
import { hostOf } from '../clerk/hosts.js';
import { localUrlReason } from '../clerk/local-url.js';
import { classifySecretKey } from '../clerk/secret-key.js';
import type { Variable } from '../core/variable.js';

type SecretKeyClass = ReturnType<typeof classifySecretKey>;

/**
 * What a variable's value is, worked out once and shared by every rule (ten rules would otherwise
 * decode the same publishable key ten times). Kept in a WeakMap, so it goes with the variable.
 */
interface Facts {
  publishableKey: ParsedPublishableKey | null;
  secretKey: SecretKeyClass;
}

const cache = new WeakMap<Variable, Facts>();

function factsOf(variable: Variable): Facts {
  let facts = cache.get(variable);
  if (!facts) {
    const { value } = variable;
    facts = {
      // Cheap prefix tests first: most values are neither kind of key.
      publishableKey: value.startsWith('pk_') ? parsePublishableKey(value) : null,
      secretKey:
        value.startsWith('sk_') || value.startsWith('test_') || value.startsWith('live_')
          ? classifySecretKey(value)
          : null
    };
    cache.set(variable, facts);
  }
  return facts;
}

/** The variable's value as a Clerk publishable key (any variable: the format is Clerk's own). */
export function publishableKeyOf(variable: Variable): ParsedPublishableKey | null {
  return factsOf(variable).publishableKey;
}

/** The variable's value as a secret key or legacy API key, by format only; callers check the name. */
export function secretKeyOf(variable: Variable): SecretKeyClass {
  return factsOf(variable).secretKey;
}

/**
 * Value-keyed memo for URL work: projects repeat the same few URLs (`/sign-in`, their domain) in file after
 * file, and parsing a URL costs far more than a map lookup. Bounded so a huge tree cannot grow it forever.
 */
function memo<T>(compute: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (cache.has(value)) return cache.get(value) as T;
    const result = compute(value);
    if (cache.size >= 10_000) cache.clear();
    cache.set(value, result);
    return result;
  };
}

/** The host a value names (URL, bare host or host:port), or null. */
export const hostOfValue = memo(hostOf);

/** Why a URL or host points somewhere local or private, or null. */
export const localUrlReasonOf = memo(localUrlReason);
