import { secretKeyOf } from './facts.js';
import { isWebhookSecret } from '../clerk/secret-key.js';
import { isClerkVariable, isLegacyApiKeyVariable, isPublicVariable } from './clerk-variables.js';
import { ruleDocs } from './docs-link.js';
import { defineRule, hitsPerVariable, type Rule } from './rule.js';

export const secretInPublicVariable: Rule = defineRule(
  {
    id: 'secret-in-public-variable',
    severity: 'error',
    title: 'Secret in a client-exposed variable',
    explanation:
      'Variables with a public prefix (`NEXT_PUBLIC_`, `VITE_`, `PUBLIC_`, `EXPO_PUBLIC_`, …) are inlined into the JavaScript sent to every visitor. A secret key or webhook signing secret there is published to the world.',
    fix: 'Move the value to a variable without a public prefix (e.g. `CLERK_SECRET_KEY`, `CLERK_WEBHOOK_SIGNING_SECRET`), then roll the secret in the Clerk Dashboard: it has been exposed.',
    docs: ruleDocs('secret-in-public-variable'),
    appliesIn: 'always'
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
      const { name, value } = variable;
      if (!isPublicVariable(name) || !isClerkVariable(name)) return null;
      const key = secretKeyOf(variable);
      const secret =
        (key?.kind === 'secret-key' && 'a secret key') ||
        (key?.kind === 'legacy-api-key' && isLegacyApiKeyVariable(name) && 'a legacy API key') ||
        (isWebhookSecret(value) && 'a webhook signing secret');
      return secret ? { variable, message: `${name} is exposed to the browser and holds ${secret}.` } : null;
    });
  }
);
