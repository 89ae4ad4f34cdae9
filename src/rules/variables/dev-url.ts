import { localUrlReasonOf } from './facts.js';
import { isClerkUrlVariable } from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

/** Variables that hold a host or domain, not a URL: their fix names a domain, not a path. */
const HOST_NAME = /(DOMAIN|HOST|FRONTEND_API)$/;

export const devUrl: Rule = defineRule(
  {
    id: 'dev-url',
    severity: 'error',
    title: 'Local or private URL in a Clerk URL variable',
    explanation:
      'Sign-in, sign-up, redirect, proxy, domain and API URLs are followed by browsers and by Clerk. A localhost, loopback, private-network or `.local` address works on a laptop and breaks for every real user.',
    fix: "Use a path on your production domain (e.g. `/sign-in`) or its full `https://` URL, or remove the variable to use Clerk's defaults.",
    docs: ruleDocs('dev-url'),
    appliesIn: 'production',
    messages: {
      local: '{{name}} {{reason}}.',
      fixHost:
        "Use your production domain (e.g. `example.com`, or `clerk.example.com` for the Frontend API host), or remove the variable to use Clerk's defaults."
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name } = variable;
      if (!isClerkUrlVariable(name)) return null;
      const reason = localUrlReasonOf(variable.value);
      if (!reason) return null;
      return {
        variable,
        messageId: 'local',
        data: { name, reason },
        ...(HOST_NAME.test(name) && { fixId: 'fixHost' })
      };
    });
  }
);
