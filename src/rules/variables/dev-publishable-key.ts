import { publishableKeyOf } from './facts.js';
import { isPublishableKeyVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

export const devPublishableKey: Rule = defineRule(
  {
    id: 'dev-publishable-key',
    severity: 'error',
    title: 'Development publishable key in production',
    explanation:
      'A `pk_test_…` key points the browser at your development instance: sign-ins land in development, with its banner, shared OAuth credentials and development limits.',
    fix: "Replace it with the production instance's publishable key (`pk_live_…`) from the Clerk Dashboard, API keys page, with the production instance selected.",
    docs: ruleDocs('dev-publishable-key'),
    appliesIn: 'production',
    messages: {
      devKey: '{{name}} holds a development publishable key (instance {{host}}).',
      devPrefix: '{{name}} holds a development publishable key (`pk_test_…`).'
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name } = variable;
      const parsed = publishableKeyOf(variable);
      // Outside Clerk-named variables only a value that decodes to a Clerk host counts (Stripe shares `pk_test_`).
      if (parsed?.instanceType === 'development') {
        return { variable, messageId: 'devKey', data: { name, host: parsed.frontendApi } };
      }
      if (!parsed && isPublishableKeyVariable(name) && variable.value.startsWith('pk_test_')) {
        return { variable, messageId: 'devPrefix', data: { name } };
      }
      return null;
    });
  }
);
