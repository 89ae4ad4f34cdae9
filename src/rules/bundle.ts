import { ruleDocs } from './docs-link.js';
import type { RuleMeta } from './rule.js';

/**
 * The rules on what was built: the client bundle (bundle-…). Like the other rules, each has its messages in one
 * table; artifacts/check-bundle.ts decides when they fire.
 */
const meta = (m: Omit<RuleMeta, 'docs'>): RuleMeta => ({ ...m, docs: ruleDocs(m.id) });

/** The fix of a secret key found in built or deployed code. */
export const ROTATE =
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

/** The bundle rules, in checklist order. */
export const BUNDLE_RULES: readonly RuleMeta[] = [
  bundleDevPublishableKey,
  bundleDevFrontendApi,
  bundleSecretKey,
  bundleIncomplete
];
