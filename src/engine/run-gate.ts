import path from 'node:path';
import { SEVERITY_RANK, type Finding } from '../core/finding.js';
import { plural } from '../core/plural.js';
import type { Report } from '../core/report.js';
import type { CheckResult } from '../core/check.js';
import type { SourceDiagnostic, SourceInfo } from '../core/source.js';
import { describeOrigin, type Variable } from '../core/variable.js';
import { isClerkVariable, mayConcernClerk } from '../rules/clerk-variables.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleContext } from '../rules/rule.js';
import type { Globs } from '../sources/glob-support.js';
import { planSources } from '../sources/plan.js';
import { readUnit } from '../sources/read-unit.js';
import { readRuntime } from '../sources/runtime.js';
import { ruleChecks } from './checklist.js';
import { credentialsKey, credentialsOf, type Credentials } from '../online/credentials.js';
import { whyNotOnline, type OnlineChecks } from '../online/online-support.js';
import { skippedOnline } from '../online/outcome.js';
import { FindingTally } from './finding-tally.js';
import { isProductionEnvironment, parseGateOptions, type GateOptions, type GateOptionsInput } from './options.js';
import { secretValues } from './secret-values.js';
import { toFinding } from './to-finding.js';
import { checkBundle } from '../artifacts/check-bundle.js';
import { readHostSources, type HostReader } from '../hosts/host-support.js';
import { skippedSite, type SiteCheck, type SiteResult, type SiteSettings } from '../site/site-support.js';

/** Diagnostics kept for the report; the rest are counted. */
export const MAX_DIAGNOSTICS = 100;

export interface GateResult {
  report: Report;
  /** Raw secret values found, for the shell to register with log masking. Never printed. */
  secrets: string[];
}

export interface GateHooks {
  /** The online checks; required unless the run is offline (see online/online-support.ts). */
  online?: OnlineChecks;
  /** Glob and exclusion support; required when `needsGlobs(paths)` (see sources/glob-support.ts). */
  globs?: Globs;
  /** The deployed-site check; required when `deployment-url` is set and the run is not offline. */
  site?: SiteCheck;
  /** The hosts' readers (Vercel, Netlify SDKs); required when a host token and project are set and not offline. */
  hosts?: HostReader;
  /** Collect secret values for masking (the action needs them, the CLI does not). Default true. */
  collectSecrets?: boolean;
  /**
   * Told how many dotenv units will be read, before reading them. May return a sink: findings then go to
   * it as they are found, in report order, instead of into `report.findings` (the CLI writes a large
   * tree's findings to disk, so memory does not grow with them).
   */
  onPlanned?: (units: number) => FindingSink | void;
}

/** Receives findings in report order: by severity, and within one by reading order. */
export interface FindingSink {
  add(finding: Finding): void;
}

/**
 * The whole gate: sources → variables → rules → findings → report. Knows nothing of GitHub.
 * Dotenv units are read and checked one at a time and then dropped, so memory stays flat as the tree
 * grows; only findings (redacted) are kept, or handed to a sink.
 *
 * Findings come by severity (errors first); within a severity in reading order: units as planned (argument
 * order, a glob's files sorted), inside a unit by file, line and rule, and the runtime environment last.
 */
export async function runGate(input: GateOptionsInput, hooks: GateHooks = {}): Promise<GateResult> {
  const options = parseGateOptions(input);
  const cwd = path.resolve(options.cwd);
  const isProduction = isProductionEnvironment(options);
  // The hosts' project variables first: they are runtime sources, which shadow dotenv files.
  const hosts = await readHostSources(options, cwd, isProduction, hooks.hosts);
  const runtime = readRuntime(options, hosts.sources);
  const mode = buildMode(options.environment, isProduction);
  const { units, skipped } = planSources(
    {
      cwd,
      paths: options.paths,
      framework: options.framework,
      environment: mode,
      targetModes: targetModes(options, mode, isProduction)
    },
    hooks.globs
  );
  const sink = hooks.onPlanned?.(units.length) ?? undefined;
  const ignored = new Set(options.ignore);
  const base = { environment: options.environment, isProduction, hasRuntimeSources: runtime.sources.length > 0 };

  const findings: Finding[] = [];
  const tally = new FindingTally();
  const settingsPages = new Map(hosts.sources.map((h) => [describeOrigin(h.origin), h.settingsUrl]));
  // Within a scope by location. A sink buffers each severity apart; here the stable sort by severity at the end
  // keeps reading order.
  const emit = (found: Finding[]): void => {
    found.sort(byLocation);
    for (const original of found) {
      // A finding on a host's variable says where to change it: the project's settings page.
      const page = original.origin.kind === 'host' ? settingsPages.get(describeOrigin(original.origin)) : undefined;
      const finding =
        page && !original.fix.includes(page) ? { ...original, fix: `${original.fix} Change it at ${page}.` } : original;
      tally.add(finding);
      if (sink) sink.add(finding);
      else findings.push(finding);
    }
  };
  emit(hosts.findings.map((f) => (ignored.has(f.rule) ? { ...f, suppressed: { by: 'ignore-option' as const } } : f)));
  const sources: SourceInfo[] = [];
  const diagnostics: SourceDiagnostic[] = [];
  let diagnosticsTotal = 0;
  const secrets = new Set<string>();
  const frameworks = new Set<string>();
  let clerkInFiles = false;
  const keep = (variables: readonly Variable[]): void => {
    if (hooks.collectSecrets !== false) for (const secret of secretValues(variables)) secrets.add(secret);
  };

  const runtimeConcerning = runtime.variables.filter((v) => mayConcernClerk(v.name, v.value));
  // The keys each app runs with, once per distinct set: what the online checks ask Clerk about.
  const credentials = new Map<string, Credentials>();
  const noteCredentials = (effective: readonly Variable[]): void => {
    const found = credentialsOf(effective);
    if (found.secretKey || found.publishableKey) credentials.set(credentialsKey(found), found);
  };
  for (const unit of units) {
    const contents = readUnit(unit, cwd, runtime);
    const unitFrameworks = new Set(unit.kind === 'layered' ? [unit.framework] : []);
    for (const f of unitFrameworks) frameworks.add(f);
    const variables = contents.variables.filter((v) => mayConcernClerk(v.name, v.value));
    const effective = [...variables.filter((v) => !v.shadowedBy), ...runtimeConcerning];
    const context: RuleContext = { ...base, variables, effective, frameworks: unitFrameworks };
    emit(check(RULES, context, ignored));
    noteCredentials(effective);
    clerkInFiles ||= variables.some((v) => isClerkVariable(v.name));
    sources.push(...contents.sources);
    diagnosticsTotal += contents.diagnostics.length;
    diagnostics.push(...contents.diagnostics.slice(0, MAX_DIAGNOSTICS - diagnostics.length));
    keep(contents.variables);
  }

  // The runtime environment as its own scope. Whether keys are missing was already judged with each
  // app's files when there were Clerk variables in them.
  const runtimeRules = clerkInFiles ? RULES.filter((r) => r.meta.id !== 'missing-key') : RULES;
  const runtimeContext: RuleContext = {
    ...base,
    variables: runtimeConcerning,
    effective: runtimeConcerning,
    frameworks
  };
  emit(check(runtimeRules, runtimeContext, ignored));
  if (!clerkInFiles) noteCredentials(runtimeConcerning);

  // What was built: the client output on disk.
  const appDirs = units.flatMap((u) => (u.kind === 'layered' ? [u.dir] : []));
  const bundle = checkBundle(cwd, options.buildDirs, appDirs, isProduction, ignored, options.onApiError);
  emit(bundle.findings);
  skipped.push(...bundle.skipped);
  if (hooks.collectSecrets !== false) for (const secret of bundle.secrets) secrets.add(secret);

  const sets = [...credentials.values()];
  const settings = { ...options, isProduction };
  const notOnline = whyNotOnline(settings, sets);
  if (!notOnline && !hooks.online) throw new Error('the online checks were not loaded');
  const expectedKeys = sets.flatMap((s) =>
    s.publishableKey ? [{ name: s.publishableKey.name, value: s.publishableKey.value }] : []
  );
  // The Clerk APIs and the deployed site at once: neither waits for the other.
  const [online, site] = await Promise.all([
    notOnline || !hooks.online ? skippedOnline(notOnline ?? '') : hooks.online(sets, settings),
    checkDeployedSite(options, isProduction, expectedKeys, hooks.site)
  ]);
  emit(online.findings.map((f) => (ignored.has(f.rule) ? { ...f, suppressed: { by: 'ignore-option' as const } } : f)));
  emit(site.findings);
  if (hooks.collectSecrets !== false) for (const secret of site.secrets) secrets.add(secret);
  sources.push(...runtime.sources);
  keep(runtime.variables);

  findings.sort(bySeverity);
  const { error: errors, warning: warnings, notice: notices } = tally.bySeverity;
  const read = readCheck(sources, skipped.length, bundle.scanned || site.checks.some((c) => c.status !== 'skipped'));
  // A gate that read no variable and no build output has checked nothing; it must not say the deploy passed.
  const passed =
    options.failOn === 'never' ||
    (read.status !== 'fail' && errors === 0 && (options.failOn === 'error' || warnings === 0));
  const report: Report = {
    environment: options.environment,
    isProduction,
    passed,
    failOn: options.failOn,
    summary: { errors, warnings, notices, suppressed: tally.suppressed },
    sources,
    skipped,
    findings,
    checks: [
      read,
      ...hosts.checks,
      ...ruleChecks(RULES, tally, isProduction),
      ...bundle.checks,
      ...site.checks,
      ...online.checks
    ],
    diagnostics,
    diagnosticsOmitted: diagnosticsTotal - diagnostics.length
  };
  return { report, secrets: [...secrets] };
}

/** The deployed site, when a deployment URL is set: not offline, and only with the check loaded. */
function checkDeployedSite(
  options: GateOptions,
  isProduction: boolean,
  expectedKeys: SiteSettings['expectedKeys'],
  site: SiteCheck | undefined
): Promise<SiteResult> {
  if (options.deploymentUrl === undefined) return Promise.resolve(skippedSite('no deployment-url'));
  if (options.offline) return Promise.resolve(skippedSite('offline mode'));
  if (!site) throw new Error('the deployed-site check was not loaded');
  return site({
    url: options.deploymentUrl,
    ...(options.vercelProtectionBypass !== undefined && { bypass: options.vercelProtectionBypass }),
    timeoutMs: options.apiTimeoutMs,
    onApiError: options.onApiError,
    isProduction,
    expectedKeys,
    ignore: options.ignore
  });
}

/**
 * The mode whose dotenv files a directory's framework loads. A production deploy builds in `production`
 * mode whatever the GitHub environment is called (`prod`, `Production`, `live`): `next build` and
 * `vite build` both default to it, so reading `.env.prod` instead would miss the real file. Other
 * environments use their name, lower-cased, as with `vite build --mode staging` or NODE_ENV=staging.
 */
export function buildMode(environment: string, isProduction: boolean): string {
  return isProduction ? 'production' : environment.toLowerCase();
}

/**
 * The mode names that mean this deploy, so a glob reads their `.env.<mode>` files: the build mode, the
 * environment's own name, for a production deploy every production environment's name, and the usual short
 * forms of each (`.env.prod` for production).
 */
function targetModes(options: GateOptions, mode: string, isProduction: boolean): Set<string> {
  const names = [mode, options.environment, ...(isProduction ? options.productionEnvironments : [])];
  return new Set(names.flatMap((name) => [name.toLowerCase(), ...(MODE_ALIASES[name.toLowerCase()] ?? [])]));
}

/** Short names people give a mode's file: `.env.prod` is production's, `.env.stage` staging's. */
const MODE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  production: ['prod', 'prd'],
  staging: ['stage', 'stg'],
  development: ['dev'],
  preview: ['pre']
};

/** The first line of the checklist: how much the gate read. Nothing read is a failure, not a pass. */
function readCheck(sources: readonly SourceInfo[], skipped: number, builtScanned: boolean): CheckResult {
  const variables = sources.reduce((sum, s) => sum + s.variables, 0);
  const base = { id: 'variables-read', title: 'Variables read from the deployment environment' };
  if (variables === 0 && builtScanned) {
    return { ...base, status: 'skipped', detail: 'no variable was read; the gate judged the build output only' };
  }
  if (variables === 0) {
    return {
      ...base,
      status: 'fail',
      detail: 'no variable was read: point env-files at the app, or pass vars-json / secrets-json'
    };
  }
  const files = sources.filter((s) => s.kind === 'file').length;
  const runtime = sources.filter((s) => s.kind !== 'file').map((s) => (s.kind === 'host' ? s.host : s.kind));
  const from = [files > 0 ? plural(files, 'file') : '', ...runtime].filter(Boolean).join(', ');
  const notJudged = skipped > 0 ? `; ${plural(skipped, 'file')} skipped (not loaded for this deploy)` : '';
  return { ...base, status: 'pass', detail: `${plural(variables, 'variable')} from ${from}${notJudged}` };
}

function check(rules: readonly Rule[], context: RuleContext, ignored: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) for (const hit of rule.check(context)) findings.push(toFinding(rule.meta, hit, ignored));
  return findings;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/** Within one scope: files (by path, then line) before vars, secrets and env; then by rule. */
function byLocation(a: Finding, b: Finding): number {
  const fileA = a.origin.kind === 'file' ? a.origin : null;
  const fileB = b.origin.kind === 'file' ? b.origin : null;
  if (fileA && fileB) return compare(fileA.file, fileB.file) || fileA.line - fileB.line || compare(a.rule, b.rule);
  if (fileA || fileB) return fileA ? -1 : 1;
  return compare(a.origin.kind, b.origin.kind) || compare(a.rule, b.rule);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
