import { secretKeyOf } from './facts.js';
import { isClerkVariable, isLegacyApiKeyVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

export const devSecretKey: Rule = defineRule(
  {
    id: 'dev-secret-key',
    severity: 'error',
    title: 'Development secret key in production',
    explanation:
      'A development secret key (`sk_test_…`, or a legacy `test_…` API key) talks to your development instance: production users would sign in to development, which has shared OAuth credentials and lower rate limits.',
    fix: "Replace it with the production instance's secret key (`sk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
    docs: ruleDocs('dev-secret-key'),
    appliesIn: 'production',
    messages: {
      secretKey: '{{name}} holds a development secret key (`sk_test_…`).',
      legacyApiKey: '{{name}} holds a legacy development API key (`test_…`).'
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name } = variable;
      if (!isClerkVariable(name)) return null;
      const key = secretKeyOf(variable);
      if (!key || key.instanceType !== 'development') return null;
      if (key.kind === 'secret-key') return { variable, messageId: 'secretKey', data: { name } };
      // A bare `test_…` value means a key only in a variable that holds one.
      if (!isLegacyApiKeyVariable(name) && !/CLERK_SECRET_KEY$/.test(name)) return null;
      return { variable, messageId: 'legacyApiKey', data: { name } };
    });
  }
);
