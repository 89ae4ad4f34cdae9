import { secretKeyOf } from './facts.js';
import { isWebhookSecret } from '../../clerk/secret-key.js';
import { isClerkVariable, isLegacyApiKeyVariable, isPublicVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

export const secretInPublicVariable: Rule = defineRule(
  {
    id: 'secret-in-public-variable',
    severity: 'error',
    title: 'Secret in a client-exposed variable',
    explanation:
      'Variables with a public prefix (`NEXT_PUBLIC_`, `VITE_`, `PUBLIC_`, `EXPO_PUBLIC_`, …) are inlined into the JavaScript sent to every visitor. A secret key or webhook signing secret there is published to the world.',
    fix: 'Move the value to a variable without a public prefix (e.g. `CLERK_SECRET_KEY`, `CLERK_WEBHOOK_SIGNING_SECRET`), then roll the secret in the Clerk Dashboard: it has been exposed.',
    docs: ruleDocs('secret-in-public-variable'),
    appliesIn: 'always',
    messages: {
      secretKey: '{{name}} is exposed to the browser and holds a secret key.',
      legacyApiKey: '{{name}} is exposed to the browser and holds a legacy API key.',
      webhookSecret: '{{name}} is exposed to the browser and holds a webhook signing secret.'
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name, value } = variable;
      if (!isPublicVariable(name) || !isClerkVariable(name)) return null;
      const key = secretKeyOf(variable);
      const messageId =
        (key?.kind === 'secret-key' && 'secretKey') ||
        (key?.kind === 'legacy-api-key' && isLegacyApiKeyVariable(name) && 'legacyApiKey') ||
        (isWebhookSecret(value) && 'webhookSecret');
      return messageId ? { variable, messageId, data: { name } } : null;
    });
  }
);
