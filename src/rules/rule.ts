import type { Severity } from '../core/finding.js';
import type { Variable } from '../core/variable.js';

/** Static description of a rule, shown in reports and docs/rules.md. Ids are stable. */
export interface RuleMeta {
  id: string;
  /** Severity when the target environment counts as production. */
  severity: Severity;
  title: string;
  explanation: string;
  fix: string;
  docs: string;
  /** Where the rule judges: production deploys only, other environments only, or every environment. */
  appliesIn: 'production' | 'elsewhere' | 'always';
}

export interface RuleContext {
  /**
   * The definitions of this scope (one app's layered files, one named file, or the runtime environment),
   * shadowed ones included. Rules report on these.
   */
  variables: readonly Variable[];
  /** What reaches the app: this scope's unshadowed definitions plus the runtime environment's. */
  effective: readonly Variable[];
  environment: string;
  isProduction: boolean;
  /** Frameworks resolved for the scanned directories (`nextjs`, `vite`, …). */
  frameworks: ReadonlySet<string>;
  /** Whether vars, secrets or the process environment were given: the deployment's real environment. */
  hasRuntimeSources: boolean;
}

/** What a rule reports; the engine redacts, applies suppressions and shadowing. */
export interface RuleHit {
  variable: Variable;
  message: string;
  /** Overrides meta.severity (e.g. a rule that is a warning outside production). */
  severity?: Severity;
  fix?: string;
  /** Names the variable the finding is about when it is not `variable` (e.g. a missing key). */
  subject?: string;
  /** The finding is about an absent value: report `(not set)` instead of the variable's value. */
  absent?: boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): RuleHit[];
}

/**
 * The hits of a rule that judges each variable on its own: `test` returns a hit or null. A loop rather than
 * `flatMap`, which would make an array for every variable of every unit.
 */
export function hitsPerVariable(
  variables: readonly Variable[],
  test: (variable: Variable) => RuleHit | null
): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const variable of variables) {
    const hit = test(variable);
    if (hit !== null) hits.push(hit);
  }
  return hits;
}

/** Whether a rule judges the target environment at all. */
export function ruleApplies(meta: RuleMeta, isProduction: boolean): boolean {
  return meta.appliesIn === 'always' || (meta.appliesIn === 'production') === isProduction;
}

/** A rule whose check stays silent where `meta.appliesIn` says it does not judge. */
export function defineRule(meta: RuleMeta, check: (context: RuleContext) => RuleHit[]): Rule {
  return { meta, check: (context) => (ruleApplies(meta, context.isProduction) ? check(context) : []) };
}

export const RULES_DOCS_BASE = 'https://github.com/clerk-production-gate/clerk-production-gate/blob/main/docs/rules.md';
