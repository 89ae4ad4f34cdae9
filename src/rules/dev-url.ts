import { localUrlReasonOf } from './facts.js';
import { isClerkUrlVariable } from './clerk-variables.js';
import { ruleDocs } from './docs-link.js';
import { defineRule, hitsPerVariable, type Rule } from './rule.js';

export const devUrl: Rule = defineRule(
  {
    id: 'dev-url',
    severity: 'error',
    title: 'Local or private URL in a Clerk URL variable',
    explanation:
      'Sign-in, sign-up, redirect, proxy, domain and API URLs are followed by browsers and by Clerk. A localhost, loopback, private-network or `.local` address works on a laptop and breaks for every real user.',
    fix: "Use a path on your production domain (e.g. `/sign-in`) or its full `https://` URL, or remove the variable to use Clerk's defaults.",
    docs: ruleDocs('dev-url'),
    appliesIn: 'production'
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
      if (!isClerkUrlVariable(variable.name)) return null;
      const reason = localUrlReasonOf(variable.value);
      return reason ? { variable, message: `${variable.name} ${reason}.` } : null;
    });
  }
);
