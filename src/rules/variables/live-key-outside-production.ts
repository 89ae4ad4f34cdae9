import { publishableKeyOf, secretKeyOf } from './facts.js';
import { isClerkVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

export const liveKeyOutsideProduction: Rule = defineRule(
  {
    id: 'live-key-outside-production',
    severity: 'warning',
    title: 'Production key outside production',
    explanation:
      'A `pk_live_`/`sk_live_` key in a preview or staging environment lets test traffic create and change real users, and spreads the production secret to more places.',
    fix: "Use the development instance's keys here, or add this environment's name to `production-environments` if it really is production.",
    docs: ruleDocs('live-key-outside-production'),
    appliesIn: 'elsewhere',
    messages: {
      liveKey: '{{name}} holds a production key in the {{environment}} environment.'
    }
  },
  ({ variables, environment }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const pk = publishableKeyOf(variable);
      const sk = isClerkVariable(variable.name) ? secretKeyOf(variable) : null;
      if (pk?.instanceType !== 'production' && sk?.instanceType !== 'production') return null;
      return { variable, messageId: 'liveKey', data: { name: variable.name, environment } };
    });
  }
);
