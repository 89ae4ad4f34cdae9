import { isDevelopmentOrStagingHost } from '../clerk/hosts.js';
import { parsePublishableKey } from '../clerk/publishable-key.js';
import type { CheckResult } from '../core/check.js';
import type { Finding, Severity } from '../core/finding.js';
import { plural } from '../core/plural.js';
import { redact } from '../core/redact.js';
import { ByteScanner, bufferSource } from '../artifacts/byte-scanner.js';
import { artifactHit, secretKeyKind } from '../artifacts/artifact-findings.js';
import {
  deployedDevInstance,
  deployedKeyMismatch,
  deployedNoClerk,
  deployedSecretKey,
  deployedSiteUnread,
  SITE_RULES
} from '../rules/site.js';
import { classifyCandidate, type Artifact } from '../artifacts/classify-candidate.js';
import { ruleApplies, type Hit, type PlaceHit } from '../rules/rule.js';
import { checkDeadline } from '../net/deadline.js';
import { dnsServersLookup } from '../net/lookup.js';
import { pageScripts, type ClerkScript } from './page-scripts.js';
import { shown, SiteClient, type Fetched } from './site-client.js';
import { skippedSite, type SiteResult, type SiteSettings } from './site-support.js';

/** The page itself: larger is not a web page. */
const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** The same-origin scripts read after the page, and their total size. */
const MAX_CHUNKS = 50;
const MAX_CHUNK_BYTES = 20 * 1024 * 1024;
/** Chunks fetched at once. */
const CONCURRENCY = 6;

interface Found {
  artifact: Artifact;
  url: string;
  line: number;
  column: number;
  excerpt: string;
}

/**
 * The deployed site: fetches the page at the deployment URL, finds the Clerk instance it loads (the clerk-js
 * script's key and host, keys in inline JSON such as `__NEXT_DATA__` or a framework's serialised props, found by
 * the bundle scanner over the whole page) and scans the same-origin scripts it references the same way. The whole
 * check, every hop and chunk included, ends within its deadline: 4 × the API timeout (net/deadline.ts).
 */
export async function checkSite(settings: SiteSettings): Promise<SiteResult> {
  const pageUrl = new URL(settings.url);
  const lookup = dnsServersLookup(settings.dnsServers ?? [], settings.timeoutMs);
  const client = new SiteClient({
    timeoutMs: settings.timeoutMs,
    deadline: checkDeadline(settings.timeoutMs, settings.deadline),
    ...(settings.bypass !== undefined && settings.bypass !== '' && { bypass: settings.bypass }),
    origin: pageUrl.origin,
    ...(lookup && { lookup }),
    ...(settings.scrubber && { scrubber: settings.scrubber })
  });
  try {
    return await readSite(settings, pageUrl, client);
  } finally {
    await client.close();
  }
}

/** What was read of the site: every Clerk artifact found, and what could not be read. */
interface SiteRead {
  page: Extract<Fetched, { ok: true }>;
  found: Found[];
  clerkScripts: ClerkScript[];
  chunksRead: number;
  chunkBytes: number;
  chunkFailures: string[];
  /** Why not every script was read (the caps), or undefined. */
  unread?: string;
}

/** The page and its same-origin scripts, each scanned for Clerk artifacts as it arrives. */
async function readPages(page: Extract<Fetched, { ok: true }>, client: SiteClient): Promise<SiteRead> {
  const scanner = new ByteScanner();
  const read: SiteRead = { page, found: [], clerkScripts: [], chunksRead: 0, chunkBytes: 0, chunkFailures: [] };
  const scan = (fetched: Extract<Fetched, { ok: true }>): void => {
    const seen = new Set<string>();
    for (const candidate of scanner.scan(bufferSource(fetched.body), (c) => classifyCandidate(c) !== null)) {
      const artifact = classifyCandidate(candidate);
      if (!artifact) continue;
      const id = artifact.kind === 'dev-host' ? artifact.host : artifact.key;
      if (seen.has(id)) continue;
      seen.add(id);
      const { line, column, excerpt } = candidate;
      read.found.push({ artifact, url: shown(fetched.url), line, column, excerpt });
    }
  };
  scan(page);

  const html =
    /html/i.test(page.contentType) || /^\s*<(!doctype|html)/i.test(page.body.subarray(0, 512).toString('latin1'));
  const { clerkScripts, scripts } = html
    ? pageScripts(page.body.toString('utf8'), page.url)
    : { clerkScripts: [], scripts: [] };
  read.clerkScripts = clerkScripts;
  const sameOrigin = scripts.filter((u) => u.origin === page.url.origin);
  const chunks = sameOrigin.slice(0, MAX_CHUNKS);
  let attempted = 0;
  for (let i = 0; i < chunks.length && read.chunkBytes < MAX_CHUNK_BYTES; i += CONCURRENCY) {
    const budget = MAX_CHUNK_BYTES - read.chunkBytes;
    const batch = await Promise.all(chunks.slice(i, i + CONCURRENCY).map((u) => client.get(u, budget)));
    attempted += batch.length;
    for (const chunk of batch) {
      if (!chunk.ok) {
        read.chunkFailures.push(chunk.message);
        continue;
      }
      read.chunkBytes += chunk.body.length;
      read.chunksRead++;
      scan(chunk);
    }
  }
  if (attempted < sameOrigin.length) {
    const cap =
      chunks.length < sameOrigin.length && attempted === chunks.length
        ? `the first ${MAX_CHUNKS} are read`
        : `the scripts read reached ${MAX_CHUNK_BYTES / 1024 / 1024} MB`;
    read.unread = `${attempted} of ${plural(sameOrigin.length, 'script')} read (${cap})`;
  }
  return read;
}

async function readSite(settings: SiteSettings, pageUrl: URL, client: SiteClient): Promise<SiteResult> {
  const fetchedPage = await client.get(pageUrl, MAX_PAGE_BYTES);
  if (!fetchedPage.ok) return unread(settings, fetchedPage);
  const {
    page,
    found,
    clerkScripts,
    chunksRead,
    chunkBytes,
    chunkFailures,
    unread: notAll
  } = await readPages(fetchedPage, client);

  addClerkScripts(found, clerkScripts, page.url);
  const { hits, secrets, deployedKeys } = judgeFound(found, settings);
  const clerkFound =
    deployedKeys.size > 0 || clerkScripts.length > 0 || found.some((f) => f.artifact.kind === 'dev-host');
  const read = `${shown(page.url)} and ${plural(chunksRead, 'script')} (${Math.ceil((page.body.length + chunkBytes) / 1024)} KB)`;
  if (!clerkFound) {
    hits.push({
      meta: deployedNoClerk,
      messageId: 'none',
      data: { url: shown(page.url), chunks: plural(chunksRead, 'script') },
      severity: 'notice',
      subject: 'page',
      value: shown(page.url),
      origin: { kind: 'url', url: shown(page.url), line: 1, column: 1 }
    });
  }
  let failed: string | undefined;
  if (chunkFailures.length > 0) {
    failed = `${plural(chunkFailures.length, 'script')} of the page could not be read (${chunkFailures.slice(0, 3).join('; ')})`;
    hits.push(unreadHit(failed, settings));
  }
  const state: SiteState = {
    failed,
    notAll,
    clerkFound,
    compared: settings.expectedKeys.length > 0,
    tolerated: settings.onApiError === 'warn'
  };
  return { hits, checklist: (findings) => siteChecks(findings, settings.isProduction, read, state), secrets };
}

/** The clerk-js script's key attribute and the host it loads from, unless already found in the page's text. */
function addClerkScripts(found: Found[], clerkScripts: readonly ClerkScript[], pageUrl: URL): void {
  for (const script of clerkScripts) {
    const key = script.publishableKey?.trim();
    const parsed = key ? parsePublishableKey(key) : null;
    if (key && parsed && !found.some((f) => f.artifact.kind === 'publishable-key' && f.artifact.key === key)) {
      found.push({
        artifact: { kind: 'publishable-key', key, parsed },
        url: shown(pageUrl),
        line: 1,
        column: 1,
        excerpt: ''
      });
    }
    const host = script.src?.hostname.toLowerCase();
    if (
      host &&
      isDevelopmentOrStagingHost(host) &&
      !found.some((f) => f.artifact.kind === 'dev-host' && f.artifact.host === host)
    ) {
      found.push({ artifact: { kind: 'dev-host', host }, url: shown(pageUrl), line: 1, column: 1, excerpt: '' });
    }
  }
}

const pageOrigin = (f: Found) => ({ kind: 'url' as const, url: f.url, line: f.line, column: f.column });

/** The hits of what was found: secret keys, the development instance, and a key other than the gate read. */
function judgeFound(found: readonly Found[], settings: SiteSettings) {
  const hits: Hit[] = [];
  const secrets: string[] = [];
  const production = settings.isProduction;
  const deployedKeys = new Map<string, Found>();
  for (const f of found) {
    const { artifact } = f;
    if (artifact.kind === 'secret-key') {
      secrets.push(artifact.key);
      hits.push(artifactHit(deployedSecretKey, 'found', { what: secretKeyKind(artifact) }, f, pageOrigin(f)));
      continue;
    }
    if (artifact.kind === 'publishable-key' && !deployedKeys.has(artifact.key)) deployedKeys.set(artifact.key, f);
    if (!ruleApplies(deployedDevInstance, production)) continue;
    if (artifact.kind === 'publishable-key' && artifact.parsed.instanceType === 'development') {
      hits.push(artifactHit(deployedDevInstance, 'key', { host: artifact.parsed.frontendApi }, f, pageOrigin(f)));
    } else if (artifact.kind === 'dev-host') {
      hits.push(artifactHit(deployedDevInstance, 'host', { host: artifact.host }, f, pageOrigin(f)));
    }
  }

  // deployed-key-mismatch: the deploy did not use the key the gate read.
  const expected = settings.expectedKeys;
  const [first] = expected;
  const matches = [...deployedKeys.keys()].some((key) => expected.some((e) => e.value === key));
  if (first && deployedKeys.size > 0 && !matches) {
    for (const f of deployedKeys.values()) {
      if (f.artifact.kind !== 'publishable-key') continue;
      const data = {
        deployed: f.artifact.parsed.frontendApi,
        name: first.name,
        expected: parsePublishableKey(first.value)?.frontendApi ?? redact(first.value)
      };
      const severity: Severity = production ? 'error' : 'warning';
      hits.push(artifactHit(deployedKeyMismatch, 'mismatch', data, f, pageOrigin(f), severity));
    }
  }
  return { hits, secrets, deployedKeys };
}

function unreadHit(message: string, settings: SiteSettings, severity?: Severity): PlaceHit {
  return {
    meta: deployedSiteUnread,
    messageId: 'failed',
    data: { message },
    severity: severity ?? (settings.onApiError === 'fail' ? 'error' : 'warning'),
    subject: 'deployment-url',
    value: shown(new URL(settings.url)),
    origin: { kind: 'url', url: shown(new URL(settings.url)), line: 1, column: 1 }
  };
}

/** The page could not be read: protected without a bypass is a skip with the way to enable it; the rest fail. */
function unread(settings: SiteSettings, page: Exclude<Fetched, { ok: true }>): SiteResult {
  if (page.kind === 'protected' && !settings.bypass) {
    const reason = `${page.message}: set vercel-protection-bypass (action input, from a secret) or VERCEL_AUTOMATION_BYPASS_SECRET (CLI) to the project's Protection Bypass for Automation secret`;
    return skippedSite(reason);
  }
  // A refused bypass secret is a wrong setting, not a passing outage: always an error.
  const refused = page.kind === 'protected';
  const message = refused ? `${page.message}; the bypass secret was not accepted` : page.message;
  const hit = unreadHit(message, settings, refused ? 'error' : undefined);
  const checks: CheckResult[] = SITE_RULES.map((m) =>
    m.id === deployedSiteUnread.id
      ? { id: m.id, title: m.title, status: 'fail', detail: message }
      : { id: m.id, title: m.title, status: 'error', detail: 'the page could not be read' }
  );
  return { hits: [hit], checklist: () => checks, secrets: [] };
}

interface SiteState {
  /** Scripts that failed to load: deployed-site-unread fails with a finding. */
  failed: string | undefined;
  /** Scripts past a cap, never fetched: "50 of 60 scripts read (…)". */
  notAll: string | undefined;
  clerkFound: boolean;
  compared: boolean;
  /** `on-api-error: warn`: an incomplete read does not fail the gate. */
  tolerated: boolean;
}

/**
 * One checklist line per site rule. A check that did not see every script (a cap, a script that failed) is
 * `incomplete`, never `pass`: what it did not read may hold what it looks for.
 */
function siteChecks(
  findings: readonly Finding[],
  isProduction: boolean,
  read: string,
  state: SiteState
): CheckResult[] {
  const { failed, notAll, clerkFound, compared, tolerated } = state;
  const missing = notAll ?? (failed === undefined ? undefined : 'not every script could be read');
  const incomplete = (base: Pick<CheckResult, 'id' | 'title'>, detail: string): CheckResult => ({
    ...base,
    status: 'incomplete',
    detail: `${missing}; ${detail}`,
    ...(tolerated && { tolerated })
  });
  return SITE_RULES.map((meta): CheckResult => {
    const base = { id: meta.id, title: meta.title };
    const active = findings.filter((f) => f.rule === meta.id && !f.suppressed).length;
    if (meta.id === deployedSiteUnread.id) {
      if (failed !== undefined) return { ...base, status: 'fail', detail: plural(active, 'finding') };
      return notAll !== undefined
        ? incomplete(base, `read ${read}`)
        : { ...base, status: 'pass', detail: `read ${read}` };
    }
    // No Clerk on the page is a notice: neither a pass nor a fail of what follows.
    if (meta.id === deployedNoClerk.id) {
      return {
        ...base,
        status: clerkFound ? 'pass' : 'skipped',
        detail: clerkFound ? 'Clerk found' : `no Clerk found in ${read}`
      };
    }
    if (!ruleApplies(meta, isProduction)) {
      return { ...base, status: 'skipped', detail: 'applies to production environments only' };
    }
    if (active > 0) return { ...base, status: 'fail', detail: `${plural(active, 'finding')} in ${read}` };
    // Nothing to compare the deployed key with: not a pass.
    if (meta.id === deployedKeyMismatch.id && !compared) {
      return { ...base, status: 'skipped', detail: 'no publishable key was read from the variables to compare' };
    }
    if (!clerkFound && meta.id !== deployedSecretKey.id)
      return { ...base, status: 'skipped', detail: 'no Clerk found on the page' };
    if (missing !== undefined) return incomplete(base, `no findings in ${read}`);
    return { ...base, status: 'pass', detail: `no findings in ${read}` };
  });
}
