import { publishableKeyOf } from './facts.js';
import { isPublishableKeyVariable } from './clerk-variables.js';
import { ruleDocs } from './docs-link.js';
import { defineRule, hitsPerVariable, type Rule } from './rule.js';

export const devPublishableKey: Rule = defineRule(
  {
    id: 'dev-publishable-key',
    severity: 'error',
    title: 'Development publishable key in production',
    explanation:
      'A `pk_test_…` key points the browser at your development instance: sign-ins land in development, with its banner, shared OAuth credentials and development limits.',
    fix: "Replace it with the production instance's publishable key (`pk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
    docs: ruleDocs('dev-publishable-key'),
    appliesIn: 'production'
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
      const parsed = publishableKeyOf(variable);
      const byName = isPublishableKeyVariable(variable.name) && variable.value.startsWith('pk_test_');
      // Outside Clerk-named variables only a value that decodes to a Clerk host counts (Stripe shares `pk_test_`).
      const byFormat = parsed?.instanceType === 'development';
      if (!byName && !byFormat) return null;
      const host = parsed ? ` (instance ${parsed.frontendApi})` : '';
      return { variable, message: `${variable.name} holds a development publishable key${host}.` };
    });
  }
);
