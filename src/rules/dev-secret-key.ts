import { secretKeyOf } from './facts.js';
import { isClerkVariable, isLegacyApiKeyVariable } from './clerk-variables.js';
import { ruleDocs } from './docs-link.js';
import { defineRule, hitsPerVariable, type Rule } from './rule.js';

export const devSecretKey: Rule = defineRule(
  {
    id: 'dev-secret-key',
    severity: 'error',
    title: 'Development secret key in production',
    explanation:
      'A development secret key (`sk_test_…`, or a legacy `test_…` API key) talks to your development instance: production users would sign in to development, which has shared OAuth credentials and lower rate limits.',
    fix: "Replace it with the production instance's secret key (`sk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
    docs: ruleDocs('dev-secret-key'),
    appliesIn: 'production'
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
      if (!isClerkVariable(variable.name)) return null;
      const key = secretKeyOf(variable);
      if (!key || key.instanceType !== 'development') return null;
      if (
        key.kind === 'legacy-api-key' &&
        !isLegacyApiKeyVariable(variable.name) &&
        !/CLERK_SECRET_KEY$/.test(variable.name)
      ) {
        return null;
      }
      const what =
        key.kind === 'legacy-api-key'
          ? 'a legacy development API key (`test_…`)'
          : 'a development secret key (`sk_test_…`)';
      return { variable, message: `${variable.name} holds ${what}.` };
    });
  }
);
