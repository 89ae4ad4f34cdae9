import { ruleDocs } from './docs-link.js';
import type { RuleMeta } from './rule.js';
import { ROTATE } from './bundle.js';

/**
 * The rules on the live site (deployed-…). Like the other rules, each has its messages in one table;
 * site/check-site.ts decides when they fire.
 */
const meta = (m: Omit<RuleMeta, 'docs'>): RuleMeta => ({ ...m, docs: ruleDocs(m.id) });

export const deployedDevInstance = meta({
  id: 'deployed-dev-instance',
  severity: 'error',
  appliesIn: 'production',
  title: 'The deployed site loads a development Clerk instance',
  explanation:
    'The page at the deployment URL loads Clerk with a development publishable key or from a development Frontend API host (the clerk-js script, its `data-clerk-publishable-key`, serialised props such as `__NEXT_DATA__`, or the JS chunks the page loads).',
  fix: "Set the production publishable key (pk_live_…) in the host's production variables and redeploy; then check the page again.",
  messages: {
    key: 'The deployed site uses a development publishable key (instance {{host}}).',
    host: 'The deployed site loads Clerk from the development host {{host}}.'
  }
});

export const deployedKeyMismatch = meta({
  id: 'deployed-key-mismatch',
  severity: 'error',
  appliesIn: 'always',
  title: 'The deployed publishable key is not the one the gate checked',
  explanation:
    'The publishable key the deployed page uses differs from the one read from the variables: the deploy did not use the variables the gate checked (a host setting, a cache, a hard-coded key), so the other checks say nothing about it.',
  fix: "Make the host's variables the ones the gate reads (vars-json/secrets-json, or the host as a source) and redeploy, or gate on the variables the deploy really uses.",
  messages: {
    mismatch: 'The deployed site uses the key of {{deployed}}, but {{name}} is the key of {{expected}}.'
  }
});

export const deployedSecretKey = meta({
  id: 'deployed-secret-key',
  severity: 'error',
  appliesIn: 'always',
  title: 'Secret key in the deployed site',
  explanation:
    'The page at the deployment URL, or a JS chunk it loads, holds a secret key (Clerk or Stripe format, or a 2021-era API key). It is public now.',
  fix: ROTATE,
  messages: {
    found: 'The deployed site serves a {{what}}: anyone can read it.'
  }
});

export const deployedSiteUnread = meta({
  id: 'deployed-site-unread',
  severity: 'error',
  appliesIn: 'always',
  title: 'The deployed site could not be read',
  explanation:
    'The gate could not fetch the page at the deployment URL (unreachable, a 5xx, a timeout, too large), so it could not check what the site really loads. Like a failed Clerk API call, this follows `on-api-error`.',
  fix: 'Check that the deployment URL is right and answers from the runner; raise api-timeout for a slow cold start, or set on-api-error: warn.',
  messages: {
    failed: '{{message}}.'
  }
});

export const deployedNoClerk = meta({
  id: 'deployed-no-clerk',
  severity: 'notice',
  appliesIn: 'always',
  title: 'No Clerk found on the deployed page',
  explanation:
    'The page at the deployment URL and the chunks it loads show no Clerk publishable key, clerk-js script or Frontend API host. Clerk may load on another page (set deployment-url to a page that signs in) or the URL may not be the app.',
  fix: 'Point deployment-url at a page of the app that uses Clerk (for example /sign-in).',
  messages: {
    none: 'No Clerk publishable key or clerk-js script was found on {{url}} or the {{chunks}} it loads.'
  }
});

/** The deployed-site rules, in checklist order. */
export const SITE_RULES: readonly RuleMeta[] = [
  deployedDevInstance,
  deployedKeyMismatch,
  deployedSecretKey,
  deployedSiteUnread,
  deployedNoClerk
];
