import { hostOfValue, publishableKeyOf, secretKeyOf } from './facts.js';
import { isDevelopmentOrStagingHost } from '../../clerk/hosts.js';
import { isClerkVariable, isSecretKeyVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

export const devFrontendApi: Rule = defineRule(
  {
    id: 'dev-frontend-api',
    severity: 'error',
    title: 'Development Frontend API or Account Portal host',
    explanation:
      'Hosts ending in `.clerk.accounts.dev`, `.accounts.dev`, `.lcl.dev` (and Clerk staging suffixes) belong to development instances. A production app must use `clerk.<your-domain>` and `accounts.<your-domain>`.',
    fix: 'Use the production Frontend API host shown on the Domains page of the production instance (`clerk.<your-domain>`), or remove the variable and let the publishable key carry it.',
    docs: ruleDocs('dev-frontend-api'),
    appliesIn: 'production',
    messages: {
      devHost: '{{name}} points at {{host}}, a development or staging Clerk host.',
      liveKeyDevHost: '{{name}} is a pk_live_ key, but it encodes {{host}}, a development or staging Clerk host.'
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name } = variable;
      const key = publishableKeyOf(variable);
      // A `pk_live_` key whose encoded host is a development host: hand-built or corrupted.
      if (key) {
        if (key.instanceType !== 'production' || !isDevelopmentOrStagingHost(key.frontendApi)) return null;
        return { variable, messageId: 'liveKeyDevHost', data: { name, host: key.frontendApi } };
      }
      if (!isClerkVariable(name) || isSecretKeyVariable(name) || secretKeyOf(variable)) return null;
      const host = hostOfValue(variable.value);
      if (!host || !isDevelopmentOrStagingHost(host)) return null;
      return { variable, messageId: 'devHost', data: { name, host } };
    });
  }
);
