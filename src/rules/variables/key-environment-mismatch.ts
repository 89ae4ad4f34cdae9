import { publishableKeyOf, secretKeyOf } from './facts.js';
import type { Variable } from '../../core/variable.js';
import { isPublishableKeyVariable, isSecretKeyVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, type Rule, type RuleHit } from '../rule.js';

type InstanceType = 'production' | 'development';

export const keyEnvironmentMismatch: Rule = defineRule(
  {
    id: 'key-environment-mismatch',
    severity: 'error',
    title: 'Publishable and secret key from different instances',
    explanation:
      'The publishable key and the secret key must come from the same instance. A mix makes the server reject every session the browser creates, so nobody can sign in.',
    fix: 'Take both keys from the same instance (the production instance for a production deploy) on the API keys page of the Clerk Dashboard.',
    docs: ruleDocs('key-environment-mismatch'),
    appliesIn: 'always',
    messages: {
      mismatch: '{{secretName}} is a {{secretType}} key but {{publishableName}} is a {{publishableType}} key.'
    }
  },
  /**
   * Pairs the keys that reach one app (`effective`: the app's files plus the runtime environment) and
   * reports a clash once, on a key defined in this scope (`variables`), preferring the secret key.
   */
  ({ variables, effective }) => {
    const own = new Set(variables);
    const publishable = keysOf(effective, isPublishableKeyVariable, (v) => publishableKeyOf(v)?.instanceType);
    const secret = keysOf(effective, isSecretKeyVariable, (v) => secretKeyOf(v)?.instanceType);
    const hits: RuleHit[] = [];
    for (const sk of secret) {
      const pk = publishable.find((p) => p.type !== sk.type && (own.has(sk.variable) || own.has(p.variable)));
      if (!pk) continue;
      hits.push({
        variable: own.has(sk.variable) ? sk.variable : pk.variable,
        messageId: 'mismatch',
        data: {
          secretName: sk.variable.name,
          secretType: sk.type,
          publishableName: pk.variable.name,
          publishableType: pk.type
        }
      });
    }
    return hits;
  }
);

function keysOf(
  variables: readonly Variable[],
  byName: (name: string) => boolean,
  typeOf: (variable: Variable) => InstanceType | undefined
): { variable: Variable; type: InstanceType }[] {
  const keys: { variable: Variable; type: InstanceType }[] = [];
  for (const variable of variables) {
    const type = byName(variable.name) ? typeOf(variable) : undefined;
    if (type) keys.push({ variable, type });
  }
  return keys;
}
