import path from 'node:path';
import type { Report } from '../core/report.js';
import { Scrubber } from '../core/scrub.js';
import { incompleteFailsGate, type CheckResult } from '../core/check.js';
import { runDeadline, type Deadline } from '../net/deadline.js';
import type { SourceDiagnostic, SourceInfo } from '../core/source.js';
import type { Variable } from '../core/variable.js';
import { isClerkVariable, mayConcernClerk } from '../rules/clerk-variables.js';
import { RULES } from '../rules/index.js';
import { isBlank } from '../rules/variables/blank.js';
import { publishableKeyOf } from '../rules/variables/facts.js';
import type { Hit, Rule, RuleContext } from '../rules/rule.js';
import type { Globs } from '../sources/glob-support.js';
import { planSources, type SourceUnit } from '../sources/plan.js';
import { readUnit } from '../sources/read-unit.js';
import { readRuntime, type RuntimeVariables } from '../sources/runtime.js';
import { appHolding, runtimeKeyApps } from '../sources/key-location.js';
import { readCheck, ruleChecks } from './checklist.js';
import { credentialsKey, credentialsOf, type Credentials } from '../online/credentials.js';
import { whyNotOnline, type OnlineChecks } from '../online/online-support.js';
import { skippedOnline } from '../online/outcome.js';
import { FindingOutput, type FindingSink } from './finding-output.js';
import { isProductionEnvironment, parseGateOptions, type GateOptions, type GateOptionsInput } from './options.js';
import { checkBundle } from '../artifacts/check-bundle.js';
import { readHostSources, type HostReader } from '../hosts/host-support.js';
import { skippedSite, type SiteCheck, type SiteResult, type SiteSettings } from '../site/site-support.js';

/** Diagnostics kept for the report; the rest are counted. */
const MAX_DIAGNOSTICS = 100;

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
  /**
   * The run's scrubber (core/scrub.ts), made by the shell with the secrets it holds (the GitHub token); the gate adds
   * the host tokens and the bypass secret, and every secret it finds as it finds it. A new one when absent.
   */
  scrubber?: Scrubber;
  /** Collect secret values for masking (the action needs them, the CLI does not). Default true. */
  collectSecrets?: boolean;
  /**
   * Told how many dotenv units will be read, before reading them. May return a sink: findings then go to
   * it as they are found, in report order, instead of into `report.findings` (the CLI writes a large
   * tree's findings to disk, so memory does not grow with them).
   */
  onPlanned?: (units: number) => FindingSink | void;
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
  // Every network check of the run ends by this deadline (net/deadline.ts).
  const deadline = runDeadline(options.apiTimeoutMs);
  // The hosts' project variables first: they are runtime sources, which shadow dotenv files.
  const scrubber = Scrubber.of(hooks.scrubber, [
    options.vercelToken,
    options.netlifyToken,
    options.vercelProtectionBypass
  ]);
  const hosts = await readHostSources(options, cwd, isProduction, hooks.hosts, scrubber);
  const runtime = await readRuntime(options, hosts.sources);
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
  const out = new FindingOutput(options.ignore, hosts.sources, sink, hooks.collectSecrets !== false, scrubber);
  out.keepVariables(runtime.variables);
  out.emit(hosts.hits);
  const scope = { cwd, runtime, environment: options.environment, isProduction };
  const variables = checkVariables(units, scope, out);

  // What was built: the client output on disk.
  const appDirs = units.flatMap((u) => (u.kind === 'layered' ? [u.dir] : []));
  const bundle = await checkBundle(cwd, options.buildDirs, appDirs, isProduction, options.onApiError);
  const bundleChecks = bundle.checklist(out.emit(bundle.hits));
  skipped.push(...bundle.skipped);
  out.keepSecrets(bundle.secrets);

  const remote = await checkRemote(options, isProduction, variables.credentials, hooks, out, deadline);

  const builtScanned = bundle.scanned || remote.siteChecks.some((c) => c.status !== 'skipped');
  const read = readCheck({
    sources: variables.sources,
    skipped: skipped.length,
    builtScanned,
    clerkRead: variables.clerkRead,
    // The deployed page shows the instance a server hands the browser, whatever reads the keys.
    deployedClerk: remote.siteChecks.some((c) => c.id === 'deployed-no-clerk' && c.status === 'pass'),
    // Each app whose own files named no Clerk key; a runtime source reaches every app.
    runtimeKeys: variables.clerkForAll
      ? []
      : runtimeKeyApps(cwd, [cwd, ...appDirs], options.buildDirs).filter((a) => !variables.clerkApps.has(a.dir))
  });
  const checks = [
    read,
    ...hosts.checks,
    ...ruleChecks(RULES, out.tally, isProduction),
    ...bundleChecks,
    ...remote.siteChecks,
    ...remote.onlineChecks
  ];
  const report = gateReport(options, isProduction, out, read, { ...variables, skipped, checks });
  return { report: scrubReport(report, out), secrets: out.secrets };
}

interface ScopeSettings {
  cwd: string;
  runtime: RuntimeVariables;
  environment: string;
  isProduction: boolean;
}

interface VariablesRead {
  sources: SourceInfo[];
  diagnostics: SourceDiagnostic[];
  diagnosticsOmitted: number;
  /** The keys each app runs with, once per distinct set: what the online checks ask Clerk about. */
  credentials: Credentials[];
  /** Whether a Clerk variable with a value was read, from any source. */
  clerkRead: boolean;
  /**
   * Whether one was read for every app: from the runtime sources (vars, secrets, a host), or from files that
   * belong to no app in particular (no package.json above them).
   */
  clerkForAll: boolean;
  /** The apps (absolute directories) whose own dotenv files held one. */
  clerkApps: Set<string>;
}

/**
 * The variables, one scope at a time: each dotenv unit, read and judged and then dropped, and the runtime
 * environment as its own scope last.
 */
function checkVariables(units: readonly SourceUnit[], settings: ScopeSettings, out: FindingOutput): VariablesRead {
  const { cwd, runtime, environment, isProduction } = settings;
  const base = { environment, isProduction, hasRuntimeSources: runtime.sources.length > 0 };
  const sources: SourceInfo[] = [];
  const diagnostics: SourceDiagnostic[] = [];
  let diagnosticsTotal = 0;
  const frameworks = new Set<string>();
  let clerkInFiles = false;
  const clerkApps = new Set<string>();
  let clerkForAll = runtime.variables.some(isSetClerkVariable);

  const runtimeConcerning = runtime.variables.filter((v) => mayConcernClerk(v.name, v.value));
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
    out.emit(check(RULES, context));
    noteCredentials(effective);
    clerkInFiles ||= variables.some((v) => isClerkVariable(v.name));
    if (variables.some(isSetClerkVariable)) {
      const app = appHolding(cwd, unit.kind === 'layered' ? unit.dir : path.dirname(path.resolve(cwd, unit.file)));
      if (app === undefined) clerkForAll = true;
      else clerkApps.add(app);
    }
    sources.push(...contents.sources);
    diagnosticsTotal += contents.diagnostics.length;
    diagnostics.push(...contents.diagnostics.slice(0, MAX_DIAGNOSTICS - diagnostics.length));
    out.keepVariables(contents.variables);
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
  out.emit(check(runtimeRules, runtimeContext));
  if (!clerkInFiles) noteCredentials(runtimeConcerning);
  sources.push(...runtime.sources);
  return {
    sources,
    diagnostics,
    diagnosticsOmitted: diagnosticsTotal - diagnostics.length,
    credentials: [...credentials.values()],
    clerkRead: clerkForAll || clerkApps.size > 0,
    clerkForAll,
    clerkApps
  };
}

/** The Clerk APIs and the deployed site, at once: neither waits for the other. */
async function checkRemote(
  options: GateOptions,
  isProduction: boolean,
  sets: Credentials[],
  hooks: GateHooks,
  out: FindingOutput,
  deadline: Deadline
): Promise<{ onlineChecks: CheckResult[]; siteChecks: CheckResult[] }> {
  const settings = { ...options, isProduction, deadline, scrubber: out.scrubber };
  const notOnline = whyNotOnline(settings, sets);
  if (!notOnline && !hooks.online) throw new Error('the online checks were not loaded');
  const expectedKeys = sets.flatMap((s) =>
    s.publishableKey ? [{ name: s.publishableKey.name, value: s.publishableKey.value }] : []
  );
  const [online, site] = await Promise.all([
    notOnline || !hooks.online ? skippedOnline(notOnline ?? '') : hooks.online(sets, settings),
    checkDeployedSite(options, { isProduction, deadline, scrubber: out.scrubber }, expectedKeys, hooks.site)
  ]);
  out.emit(online.hits);
  const siteChecks = site.checklist(out.emit(site.hits));
  out.keepSecrets(site.secrets);
  return { onlineChecks: online.checks, siteChecks };
}

/** The report: the verdict from the tally and the read check, and what was read. */
function gateReport(
  options: GateOptions,
  isProduction: boolean,
  out: FindingOutput,
  read: CheckResult,
  parts: Pick<Report, 'sources' | 'skipped' | 'checks' | 'diagnostics' | 'diagnosticsOmitted'>
): Report {
  const { error: errors, warning: warnings, notice: notices } = out.tally.bySeverity;
  // A gate that read no variable and no build output has checked nothing; it must not say the deploy passed.
  // Nor may one whose check could not read everything, in production.
  const passed =
    options.failOn === 'never' ||
    (read.status !== 'fail' &&
      !incompleteFailsGate(parts.checks, isProduction) &&
      errors === 0 &&
      (options.failOn === 'error' || warnings === 0));
  return {
    environment: options.environment,
    isProduction,
    passed,
    failOn: options.failOn,
    summary: { errors, warnings, notices, suppressed: out.tally.suppressed },
    sources: parts.sources,
    skipped: parts.skipped,
    findings: out.findings(),
    checks: parts.checks,
    diagnostics: parts.diagnostics,
    diagnosticsOmitted: parts.diagnosticsOmitted
  };
}

/** The deployed site, when a deployment URL is set: not offline, and only with the check loaded. */
function checkDeployedSite(
  options: GateOptions,
  { isProduction, deadline, scrubber }: { isProduction: boolean; deadline: Deadline; scrubber: Scrubber },
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
    deadline,
    dnsServers: options.dnsServers,
    onApiError: options.onApiError,
    isProduction,
    expectedKeys,
    scrubber
  });
}

/**
 * The report with every secret the run found scrubbed, once more, from the texts that may quote an outside answer:
 * the checks' details, the skipped reasons and the findings not on a file. A server's message may quote a secret
 * the gate only found later in the run (a key in a dotenv file, read after the hosts answered).
 */
function scrubReport(report: Report, out: FindingOutput): Report {
  const { scrubber } = out;
  return {
    ...report,
    checks: report.checks.map((check) => ({ ...check, detail: scrubber.scrub(check.detail) })),
    skipped: report.skipped.map((skip) => ({ ...skip, reason: scrubber.scrub(skip.reason) })),
    findings: report.findings.map((finding) => out.scrubbed(finding))
  };
}

/**
 * The mode whose dotenv files a directory's framework loads. A production deploy builds in `production`
 * mode whatever the GitHub environment is called (`prod`, `Production`, `live`): `next build` and
 * `vite build` both default to it, so reading `.env.prod` instead would miss the real file. Other
 * environments use their name, lower-cased, as with `vite build --mode staging` or NODE_ENV=staging.
 */
function buildMode(environment: string, isProduction: boolean): string {
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

/**
 * A Clerk variable that tells the gate something: a Clerk name or a Clerk publishable key, with a value (or a
 * host's write-only variable, set but unreadable). A committed empty placeholder tells nothing.
 */
function isSetClerkVariable(variable: Variable): boolean {
  const set = variable.unreadable === true || !isBlank(variable.value);
  return set && (isClerkVariable(variable.name) || publishableKeyOf(variable) !== null);
}

function check(rules: readonly Rule[], context: RuleContext): Hit[] {
  const hits: Hit[] = [];
  for (const rule of rules) for (const hit of rule.check(context)) hits.push({ ...hit, meta: rule.meta });
  return hits;
}
