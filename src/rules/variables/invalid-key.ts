import { secretKeyOf } from './facts.js';
import { publishableKeyProblem } from '../../clerk/publishable-key.js';
import { isRestrictedKey, isWebhookSecret } from '../../clerk/secret-key.js';
import { isPublicVariable, isPublishableKeyVariable, isSecretKeyVariable } from '../clerk-variables.js';
import { isBlank } from './blank.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

export const invalidKey: Rule = defineRule(
  {
    id: 'invalid-key',
    severity: 'error',
    title: 'Clerk key variable holds no valid key',
    explanation:
      'Clerk refuses to start with a placeholder or malformed key, so the deploy would ship a broken sign-in. A publishable key is `pk_live_`/`pk_test_` followed by the base64 of `<frontend API host>$`; a secret key is `sk_live_`/`sk_test_` followed by its random part. An empty value counts as not set (see `missing-key`).',
    fix: 'Copy the key again from the Clerk Dashboard, API keys page, of the production instance; check that no quotes, spaces or a placeholder such as `your_key_here` were left in.',
    docs: ruleDocs('invalid-key'),
    appliesIn: 'always',
    messages: {
      notPublishableKey: '{{name}} is not a valid publishable key: {{problem}}.',
      publishableInSecret: '{{name}} holds a publishable key, not a secret key.',
      notSecretKey: '{{name}} is not a valid secret key: it does not start with sk_live_ or sk_test_.'
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name, value } = variable;
      // An empty value is a placeholder, as good as not set: missing-key judges whether a key is needed.
      if (isBlank(value)) return null;
      if (isPublishableKeyVariable(name)) {
        // A secret in a public variable is secret-in-public-variable's finding, not a malformed key.
        if (isPublicVariable(name) && (secretKeyOf(variable) || isWebhookSecret(value) || isRestrictedKey(value))) {
          return null;
        }
        const problem = publishableKeyProblem(value);
        return problem ? { variable, messageId: 'notPublishableKey', data: { name, problem } } : null;
      }
      if (!isSecretKeyVariable(name)) return null;
      if (value.startsWith('pk_')) return { variable, messageId: 'publishableInSecret', data: { name } };
      return secretKeyOf(variable) ? null : { variable, messageId: 'notSecretKey', data: { name } };
    });
  }
);
