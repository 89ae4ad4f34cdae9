import { dirname } from 'node:path';
import { parsePublishableKey } from '../clerk/publishable-key.js';
import { classifySecretKey } from '../clerk/secret-key.js';
import type { Variable } from '../core/variable.js';
import { isPublishableKeyVariable, isSecretKeyVariable } from './clerk-variables.js';
import { ruleDocs } from './docs-link.js';
import type { Rule, RuleHit } from './rule.js';

type InstanceType = 'production' | 'development';

export const keyEnvironmentMismatch: Rule = {
  meta: {
    id: 'key-environment-mismatch',
    severity: 'error',
    title: 'Publishable and secret key from different instances',
    explanation:
      'The publishable key and the secret key must come from the same instance. A mix makes the server reject every session the browser creates, so nobody can sign in.',
    fix: 'Take both keys from the same instance (the production instance for a production deploy) on the API keys page of the Clerk Dashboard.',
    docs: ruleDocs('key-environment-mismatch')
  },
  check({ effective }) {
    const publishable = effective.filter((v) => isPublishableKeyVariable(v.name) && parsePublishableKey(v.value));
    const secret = effective.filter((v) => isSecretKeyVariable(v.name) && classifySecretKey(v.value));
    const hits: RuleHit[] = [];
    for (const sk of secret) {
      const skType = classifySecretKey(sk.value)?.instanceType;
      const clash = publishable.find(
        (pk) => sameScope(pk, sk) && parsePublishableKey(pk.value)?.instanceType !== skType
      );
      if (!clash || !skType) continue;
      const pkType = parsePublishableKey(clash.value)?.instanceType as InstanceType;
      hits.push({
        variable: sk,
        message: `${sk.name} is a ${skType} key but ${clash.name} is a ${pkType} key.`
      });
    }
    return hits;
  }
};

/**
 * Keys pair up when they can reach the same app: files in the same directory, or any key from the
 * runtime environment (vars, secrets, env). Two apps of a monorepo may legitimately differ.
 */
function sameScope(a: Variable, b: Variable): boolean {
  if (a.origin.kind !== 'file' || b.origin.kind !== 'file') return true;
  return dirname(a.origin.file) === dirname(b.origin.file);
}
