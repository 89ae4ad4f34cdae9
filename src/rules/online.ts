import { ruleDocs } from './docs-link.js';
import type { RuleMeta } from './rule.js';

/**
 * The online checks' rules: what Clerk's APIs, DNS and the Frontend API say about the production instance.
 * Like the offline rules, each has its messages in one table; the checks in run-online.ts decide when they fire.
 */
const meta = (m: Omit<RuleMeta, 'docs' | 'appliesIn'>): RuleMeta => ({
  ...m,
  docs: ruleDocs(m.id),
  appliesIn: 'production'
});

export const instanceNotProduction = meta({
  id: 'instance-not-production',
  severity: 'error',
  title: 'The secret key belongs to a non-production instance',
  explanation:
    "Clerk's Backend API (`GET /v1/instance`) says the instance of this secret key is not a production instance.",
  fix: 'In the Clerk Dashboard, switch to the production instance (top of the sidebar) and copy its keys from API keys.',
  messages: {
    notProduction: 'The instance of {{name}} is a {{environment}} instance, not a production one.'
  }
});

export const keyInstanceMismatch = meta({
  id: 'key-instance-mismatch',
  severity: 'error',
  title: 'Publishable key from another instance than the secret key',
  explanation:
    "The Frontend API host a publishable key encodes must be its instance's primary domain's `frontend_api_url` or `proxy_url` host (`GET /v1/domains`). Another host means the keys come from different instances or applications: the server rejects every session the browser creates.",
  fix: 'Take both keys from the API keys page of the same production instance in the Clerk Dashboard.',
  messages: {
    mismatch: '{{name}} points at {{host}}, but the instance of {{secretName}} serves {{expected}}.'
  }
});

export const dnsRecordMissing = meta({
  id: 'dns-record-missing',
  severity: 'error',
  title: 'A DNS record Clerk needs is missing',
  explanation:
    'Clerk serves the production Frontend API, Account Portal and e-mail from your domain through CNAME records (`clerk.`, `accounts.`, `clkmail.`, `clk._domainkey.`, `clk2._domainkey.`). Until each required record resolves, sign-in fails and e-mail is not delivered.',
  fix: 'Add the CNAME records shown on the Domains page of the production instance in the Clerk Dashboard at your DNS provider.',
  messages: {
    missing: '{{host}} has no CNAME record; Clerk needs one pointing at {{target}} ({{reason}}).',
    fixDoubled:
      'Your DNS provider appended the domain to the record name: {{doubled}} exists instead of {{host}}. Enter the record name without the domain (`{{label}}`, not `{{host}}`), or with a trailing dot (`{{host}}.`).'
  }
});

export const dnsRecordWrongTarget = meta({
  id: 'dns-record-wrong-target',
  severity: 'error',
  title: 'A DNS record points somewhere else',
  explanation: 'A CNAME record Clerk needs exists but points at another target than the one Clerk gave.',
  fix: 'At your DNS provider, set the CNAME record to the target shown on the Domains page of the production instance in the Clerk Dashboard.',
  messages: {
    wrongTarget: '{{host}} is a CNAME to {{actual}}; Clerk needs {{target}}.'
  }
});

export const dnsRecordProxied = meta({
  id: 'dns-record-proxied',
  severity: 'error',
  title: 'A DNS record Clerk needs is proxied',
  explanation:
    'The host answers with addresses (A/AAAA) but no CNAME record: a proxying DNS provider, such as Cloudflare with the orange cloud on, hides the CNAME, so Clerk cannot verify the domain or issue its certificate.',
  fix: 'At your DNS provider, set the record to "DNS only" (in Cloudflare: click the orange cloud so it turns grey), pointing at the target shown in the Clerk Dashboard.',
  messages: {
    proxied: '{{host}} answers with addresses ({{addresses}}) but no CNAME to {{target}}: the record is proxied.'
  }
});

export const frontendApiUnreachable = meta({
  id: 'frontend-api-unreachable',
  severity: 'error',
  title: 'The production Frontend API does not answer as production',
  explanation:
    'Every browser sign-in goes through the Frontend API host the publishable key encodes. It must answer `GET /v1/environment` over valid TLS, as a production instance.',
  fix: 'Check the Domains page of the production instance in the Clerk Dashboard: DNS verified and SSL issued. A TLS error usually means the certificate is not issued yet (or CAA blocks it).',
  messages: {
    unreachable: '{{host}} does not answer: {{reason}}.',
    notProduction: '{{host}} answers as a {{environment}} instance, not a production one.'
  }
});

export const caaBlocksCertificates = meta({
  id: 'caa-blocks-certificates',
  severity: 'warning',
  title: "CAA records forbid Clerk's certificate authorities",
  explanation:
    "Clerk issues the certificates of `clerk.` and `accounts.` on your domain through Let's Encrypt or Google Trust Services. CAA records that allow neither make the issuing fail.",
  fix: 'At your DNS provider, add CAA records `0 issue "letsencrypt.org"` and `0 issue "pki.goog"` at the domain that has CAA records, or remove the restriction.',
  messages: {
    blocked: 'The CAA records of {{name}} allow only {{allowed}}: neither letsencrypt.org nor pki.goog.'
  }
});

export const sharedOAuthCredentials = meta({
  id: 'shared-oauth-credentials',
  severity: 'error',
  title: "Social sign-in runs on Clerk's shared development credentials",
  explanation:
    'In development, Clerk signs users in with its own shared OAuth credentials, shown to users as "Clerk Development" on the provider\'s consent screen. Production needs the team\'s own client ID and secret for every enabled provider.',
  fix: 'For each provider: create an OAuth app at the provider, then in the Clerk Dashboard (production instance) open SSO connections, the provider, "Use custom credentials", and enter its client ID and secret.',
  messages: {
    development:
      'The instance of {{name}} ({{host}}) is a development instance: {{providers}} sign users in with shared development credentials.',
    production: 'The production instance has {{providers}} enabled without its own OAuth credentials.'
  }
});

export const dnsNotVerified = meta({
  id: 'dns-not-verified',
  severity: 'error',
  title: 'Clerk has not verified the domain',
  explanation:
    "The Platform API's domain status says Clerk has not completed the domain's set-up: a DNS record is not verified, or the certificate or e-mail records are not ready.",
  fix: 'Open the Domains page of the production instance in the Clerk Dashboard and follow the hints; with `dns-check: true` the gate asks Clerk to check again first.',
  messages: {
    incomplete: 'The domain {{domain}} is not verified: {{details}}.'
  }
});

export const clerkApiError = meta({
  id: 'clerk-api-error',
  severity: 'error',
  title: 'A Clerk API or DNS lookup failed',
  explanation:
    'An online check could not get its answer, so it could not prove the production instance is ready. A refused key (401, 403) always fails the gate; other failures follow `on-api-error`.',
  fix: 'Check the message: a refused key must be replaced (Clerk Dashboard, API keys); a network failure may need `clerk-api-url` or `dns-servers` for a proxy or an air-gapped runner, or `on-api-error: warn`.',
  messages: {
    failed: '{{message}}.'
  }
});

/** Every online rule, in the order the checklist shows them. */
export const ONLINE_RULES: readonly RuleMeta[] = [
  instanceNotProduction,
  keyInstanceMismatch,
  dnsRecordMissing,
  dnsRecordWrongTarget,
  dnsRecordProxied,
  caaBlocksCertificates,
  frontendApiUnreachable,
  sharedOAuthCredentials,
  dnsNotVerified,
  clerkApiError
];
