import { SEVERITY_RANK, type Finding } from '../core/finding.js';
import { countBySeverity, type Report } from '../core/report.js';
import { describeOrigin } from '../core/variable.js';
import { RULES } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { collectVariables } from '../sources/collect.js';
import { networkChecks, ruleChecks } from './checklist.js';
import { isProductionEnvironment, parseGateOptions, type GateOptionsInput } from './options.js';
import { secretValues } from './secret-values.js';
import { toFinding } from './to-finding.js';

export interface GateResult {
  report: Report;
  /** Raw secret values found, for the shell to register with log masking. Never printed. */
  secrets: string[];
}

/** The whole gate: sources → variables → rules → findings → report. Knows nothing of GitHub. */
export async function runGate(input: GateOptionsInput): Promise<GateResult> {
  const options = parseGateOptions(input);
  const collected = await collectVariables({
    cwd: options.cwd,
    paths: options.paths,
    framework: options.framework,
    environment: options.environment,
    varsJson: options.varsJson,
    secretsJson: options.secretsJson,
    processEnv: options.processEnv
  });
  const isProduction = isProductionEnvironment(options);
  const context: RuleContext = {
    variables: collected.variables,
    effective: collected.variables.filter((v) => !v.shadowedBy),
    environment: options.environment,
    isProduction,
    frameworks: new Set(collected.sources.flatMap((s) => (s.kind === 'file' && s.framework ? [s.framework] : []))),
    hasRuntimeSources: collected.sources.some((s) => s.kind !== 'file')
  };
  const ignored = new Set(options.ignore);
  const findings = RULES.flatMap((rule) => rule.check(context).map((hit) => toFinding(rule.meta, hit, ignored)));
  findings.sort(byImportance);

  const errors = countBySeverity(findings, 'error');
  const warnings = countBySeverity(findings, 'warning');
  const passed = options.failOn === 'never' || (errors === 0 && (options.failOn === 'error' || warnings === 0));
  const report: Report = {
    environment: options.environment,
    isProduction,
    passed,
    failOn: options.failOn,
    summary: {
      errors,
      warnings,
      notices: countBySeverity(findings, 'notice'),
      suppressed: findings.filter((f) => f.suppressed).length
    },
    sources: collected.sources,
    findings,
    checks: [...ruleChecks(RULES, findings, isProduction), ...networkChecks(options.offline)],
    diagnostics: collected.diagnostics
  };
  return { report, secrets: secretValues(collected.variables) };
}

/** Errors first, then warnings and notices; within a severity, by location so output is stable. */
function byImportance(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || compareOrigins(a, b) || a.rule.localeCompare(b.rule);
}

function compareOrigins(a: Finding, b: Finding): number {
  if (a.origin.kind === 'file' && b.origin.kind === 'file') {
    return a.origin.file.localeCompare(b.origin.file) || a.origin.line - b.origin.line;
  }
  return describeOrigin(a.origin).localeCompare(describeOrigin(b.origin));
}
