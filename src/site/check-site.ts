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
import { pageScripts } from './page-scripts.js';
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
 * the bundle scanner over the whole page) and scans the same-origin scripts it references the same way.
 */
export async function checkSite(settings: SiteSettings): Promise<SiteResult> {
  const pageUrl = new URL(settings.url);
  const client = new SiteClient({
    timeoutMs: settings.timeoutMs,
    deadline: Date.now() + 3 * settings.timeoutMs,
    ...(settings.bypass !== undefined && settings.bypass !== '' && { bypass: settings.bypass }),
    origin: pageUrl.origin
  });
  try {
    return await readSite(settings, pageUrl, client);
  } finally {
    await client.close();
  }
}

async function readSite(settings: SiteSettings, pageUrl: URL, client: SiteClient): Promise<SiteResult> {
  const page = await client.get(pageUrl, MAX_PAGE_BYTES);
  if (!page.ok) return unread(settings, page);

  const { found, clerkScripts, chunkFailures, chunkBytes, chunksRead } = await scanSite(page, client);
  addClerkScripts(clerkScripts, found, page.url);
  const production = settings.isProduction;
  const { hits, secrets, deployedKeys } = judgeFound(found, settings);
  const expected = settings.expectedKeys;

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
  if (chunkFailures.length > 0) {
    const message = `${plural(chunkFailures.length, 'script')} of the page could not be read (${chunkFailures.slice(0, 3).join('; ')})`;
    hits.push(unreadHit(message, settings));
  }
  const state = { incomplete: chunkFailures.length > 0, clerkFound, compared: expected.length > 0 };
  return { hits, checklist: (findings) => siteChecks(findings, production, read, state), secrets };
}

/** The page and the same-origin scripts it loads, scanned for keys and hosts: what was found and what was read. */
async function scanSite(page: Extract<Fetched, { ok: true }>, client: SiteClient) {
  const scanner = new ByteScanner();
  const found: Found[] = [];
  const scan = (fetched: Extract<Fetched, { ok: true }>): void => {
    const seen = new Set<string>();
    for (const candidate of scanner.scan(bufferSource(fetched.body), (c) => classifyCandidate(c) !== null)) {
      const artifact = classifyCandidate(candidate);
      if (!artifact) continue;
      const id = artifact.kind === 'dev-host' ? artifact.host : artifact.key;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push({
        artifact,
        url: shown(fetched.url),
        line: candidate.line,
        column: candidate.column,
        excerpt: candidate.excerpt
      });
    }
  };
  scan(page);

  const html =
    /html/i.test(page.contentType) || /^\s*<(!doctype|html)/i.test(page.body.subarray(0, 512).toString('latin1'));
  const { clerkScripts, scripts } = html
    ? pageScripts(page.body.toString('utf8'), page.url)
    : { clerkScripts: [], scripts: [] };
  const chunks = scripts.filter((u) => u.origin === page.url.origin).slice(0, MAX_CHUNKS);
  const chunkFailures: string[] = [];
  let chunkBytes = 0;
  let chunksRead = 0;
  for (let i = 0; i < chunks.length && chunkBytes < MAX_CHUNK_BYTES; i += CONCURRENCY) {
    const budget = MAX_CHUNK_BYTES - chunkBytes;
    const batch = await Promise.all(chunks.slice(i, i + CONCURRENCY).map((u) => client.get(u, budget)));
    for (const chunk of batch) {
      if (!chunk.ok) {
        chunkFailures.push(chunk.message);
        continue;
      }
      chunkBytes += chunk.body.length;
      chunksRead++;
      scan(chunk);
    }
  }
  return { found, clerkScripts, chunkFailures, chunkBytes, chunksRead };
}

/** The clerk-js script: its key attribute and the host it loads from, unless the scan found them already. */
function addClerkScripts(
  clerkScripts: ReturnType<typeof pageScripts>['clerkScripts'],
  found: Found[],
  pageUrl: URL
): void {
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

/** The hits of what was found: secret keys, a development instance, and a key other than the one the gate read. */
function judgeFound(found: readonly Found[], settings: SiteSettings) {
  const hits: Hit[] = [];
  const secrets: string[] = [];
  const pageOrigin = (f: Found) => ({ kind: 'url' as const, url: f.url, line: f.line, column: f.column });
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
  if (expected.length > 0 && deployedKeys.size > 0) {
    const matches = [...deployedKeys.keys()].some((key) => expected.some((e) => e.value === key));
    if (!matches) {
      const [first] = expected;
      for (const f of deployedKeys.values()) {
        if (f.artifact.kind !== 'publishable-key' || !first) continue;
        const data = {
          deployed: f.artifact.parsed.frontendApi,
          name: first.name,
          expected: parsePublishableKey(first.value)?.frontendApi ?? redact(first.value)
        };
        const severity: Severity = production ? 'error' : 'warning';
        hits.push(artifactHit(deployedKeyMismatch, 'mismatch', data, f, pageOrigin(f), severity));
      }
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

function siteChecks(
  findings: readonly Finding[],
  isProduction: boolean,
  read: string,
  { incomplete, clerkFound, compared }: { incomplete: boolean; clerkFound: boolean; compared: boolean }
): CheckResult[] {
  return SITE_RULES.map((meta): CheckResult => {
    const base = { id: meta.id, title: meta.title };
    const active = findings.filter((f) => f.rule === meta.id && !f.suppressed).length;
    if (meta.id === deployedSiteUnread.id) {
      return incomplete
        ? { ...base, status: 'fail', detail: plural(active, 'finding') }
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
    return { ...base, status: 'pass', detail: `no findings in ${read}` };
  });
}
