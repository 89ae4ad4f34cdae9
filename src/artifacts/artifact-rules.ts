import { ruleDocs } from '../rules/docs-link.js';
import type { RuleMeta } from '../rules/rule.js';

/**
 * The rules on what was built and deployed: the client bundle (bundle-…) and the live site (deployed-…). Like the
 * other rules, each has its messages in one table; scan-build-output.ts and site/ decide when they fire.
 */
const meta = (m: Omit<RuleMeta, 'docs'>): RuleMeta => ({ ...m, docs: ruleDocs(m.id) });

const ROTATE =
  'Rotate the key now (Clerk Dashboard → API keys; for a Stripe key, the Stripe Dashboard): once deployed, the bundle is public and the key must be taken as leaked. Then move it to a server-only variable (no NEXT_PUBLIC_, VITE_, PUBLIC_, EXPO_PUBLIC_ or REACT_APP_ prefix), remove it from client code, and rebuild.';

export const bundleDevPublishableKey = meta({
  id: 'bundle-dev-publishable-key',
  severity: 'error',
  appliesIn: 'production',
  title: 'Development publishable key in the built client code',
  explanation:
    "The client code the build produced holds a development publishable key (`pk_test_…`), whatever the variables say: it reached the build through the host's settings, a build cache, a `.env.local` on the build machine or a hard-coded `publishableKey`. Users of the deployed app would sign in to the development instance. Keys are found whole in string literals; a key a minifier left split across a string concatenation is not.",
  fix: "Set the production publishable key (pk_live_…) where the build runs (the host's production variables), remove any hard-coded key and any .env.local from the build, and rebuild.",
  messages: {
    found: 'The built file holds a development publishable key (instance {{host}}).'
  }
});

export const bundleDevFrontendApi = meta({
  id: 'bundle-dev-frontend-api',
  severity: 'error',
  appliesIn: 'production',
  title: 'Development Frontend API host in the built client code',
  explanation:
    "The client code names a development or staging Frontend API or Account Portal host (for example in a clerk-js script URL, a `proxyUrl`, `domain` or `signInUrl`). Clerk's own SDK constants (`api.clerkstage.dev`, the suffix lists such as `accounts.dev` and `.lcl.dev`) are not findings.",
  fix: 'Replace the development host with the production one (clerk.<your-domain>, accounts.<your-domain>) in the variables the build reads or in the code, and rebuild.',
  messages: {
    found: 'The built file names the development host {{host}}.'
  }
});

export const bundleSecretKey = meta({
  id: 'bundle-secret-key',
  severity: 'error',
  appliesIn: 'always',
  title: 'Secret key in the built client code',
  explanation:
    'The client code holds a secret key (`sk_live_…`/`sk_test_…`, Clerk or Stripe format, or a 2021-era `live_…`/`test_…` API key). Anyone who loads the app can read it. This is an error in every environment.',
  fix: ROTATE,
  messages: {
    found: 'The built file holds a {{what}}: anyone who loads the app can read it.'
  }
});

export const bundleIncomplete = meta({
  id: 'bundle-incomplete',
  severity: 'error',
  appliesIn: 'always',
  title: 'The built client code could not be read whole',
  explanation:
    "The bundle scan left part of the client output unread: a file that is not a regular file (a FIFO, socket or device file, or a symbolic link to one or to a directory), or a file over the scan's size cap (256 MB). A key there would not be found, so the bundle checks cannot pass. In production this fails the gate unless `on-api-error: warn`, which makes it a warning; in other environments it is a warning.",
  fix: 'Remove the special files and links from the build output (or point build-dirs at the real client output), and rebuild.',
  messages: {
    unread: 'The bundle scan is incomplete: {{reasons}}.'
  }
});

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

/** The bundle rules, in checklist order. */
export const BUNDLE_RULES: readonly RuleMeta[] = [
  bundleDevPublishableKey,
  bundleDevFrontendApi,
  bundleSecretKey,
  bundleIncomplete
];

/** The deployed-site rules, in checklist order. */
export const SITE_RULES: readonly RuleMeta[] = [
  deployedDevInstance,
  deployedKeyMismatch,
  deployedSecretKey,
  deployedSiteUnread,
  deployedNoClerk
];
