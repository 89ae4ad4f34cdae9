import { secretKeyOf } from './facts.js';
import { isRestrictedKey, isWebhookSecret } from '../../clerk/secret-key.js';
import { isClerkVariable, isLegacyApiKeyVariable, isPublicVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

/**
 * A secret in any browser-exposed variable, whatever its name: a value shaped like a secret key (`sk_test_…`,
 * `sk_live_…`: Clerk's and Stripe's share the shape), a Stripe restricted key (`rk_…`) or a webhook signing secret
 * (`whsec_…`) is published with the client bundle. A legacy `test_…`/`live_…` API key is too plain a shape to judge
 * outside a Clerk API key variable.
 */
export const secretInPublicVariable: Rule = defineRule(
  {
    id: 'secret-in-public-variable',
    severity: 'error',
    title: 'Secret in a client-exposed variable',
    explanation:
      'Variables with a public prefix (`NEXT_PUBLIC_`, `VITE_`, `PUBLIC_`, `EXPO_PUBLIC_`, `NUXT_PUBLIC_`, …) are inlined into the JavaScript sent to every visitor. A secret key, restricted key or webhook signing secret there is published to the world, whatever the variable is called.',
    fix: 'Move the value to a variable without a public prefix (e.g. `CLERK_SECRET_KEY`, `CLERK_WEBHOOK_SIGNING_SECRET`), then roll the secret in the Clerk Dashboard: it has been exposed.',
    docs: ruleDocs('secret-in-public-variable'),
    appliesIn: 'always',
    messages: {
      secretKey: '{{name}} is exposed to the browser and holds a secret key.',
      legacyApiKey: '{{name}} is exposed to the browser and holds a legacy API key.',
      webhookSecret: '{{name}} is exposed to the browser and holds a webhook signing secret.',
      restrictedKey: '{{name}} is exposed to the browser and holds a restricted API key (`rk_…`).',
      fixAnyService:
        'Move the value to a variable without a public prefix, then roll the secret with the service that issued it (Clerk Dashboard → API keys for a Clerk key, Stripe Dashboard → Developers → API keys for a Stripe key): it has been exposed.'
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name, value } = variable;
      if (!isPublicVariable(name)) return null;
      const key = secretKeyOf(variable);
      const messageId =
        (key?.kind === 'secret-key' && 'secretKey') ||
        (key?.kind === 'legacy-api-key' && isLegacyApiKeyVariable(name) && 'legacyApiKey') ||
        (isWebhookSecret(value) && 'webhookSecret') ||
        (isRestrictedKey(value) && 'restrictedKey');
      if (!messageId) return null;
      // A variable not named for Clerk may hold another service's secret (Stripe's share the `sk_` shape).
      return { variable, messageId, data: { name }, ...(!isClerkVariable(name) && { fixId: 'fixAnyService' }) };
    });
  }
);
