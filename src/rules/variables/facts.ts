import { parsePublishableKey, type ParsedPublishableKey } from '../../clerk/publishable-key.js';
import { hostOf } from '../../clerk/hosts.js';
import { localUrlReason } from '../../clerk/local-url.js';
import { classifySecretKey } from '../../clerk/secret-key.js';
import { memo } from '../../core/memo.js';
import type { Variable } from '../../core/variable.js';

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

/** The host a value names (URL, bare host or host:port), or null. */
export const hostOfValue = memo(hostOf);

/** Why a URL or host points somewhere local or private, or null. */
export const localUrlReasonOf = memo(localUrlReason);
