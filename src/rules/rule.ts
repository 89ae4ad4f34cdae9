import type { Severity } from '../core/finding.js';
import type { Origin, Variable } from '../core/variable.js';

/** Static description of a rule, shown in reports and docs/rules.md. Ids are stable. */
export interface RuleMeta {
  id: string;
  /** Severity when the target environment counts as production. */
  severity: Severity;
  title: string;
  explanation: string;
  /** The fix shown with every finding, unless a hit names another (`fixId`). */
  fix: string;
  docs: string;
  /**
   * Every text a finding of this rule can say, by id, as ESLint rules have them: `{{name}}` placeholders are
   * filled from the hit's `data`. Kept here so they can be reviewed and tested in one place.
   */
  messages: Readonly<Record<string, string>>;
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

/** What a rule reports; the engine words it from the messages table, redacts, applies suppressions and shadowing. */
export interface RuleHit {
  variable: Variable;
  /** A key of `meta.messages`. */
  messageId: string;
  /** Values for the message's placeholders. */
  data?: Readonly<Record<string, string>>;
  /** Overrides meta.severity (e.g. a rule that is a warning outside production). */
  severity?: Severity;
  /** A key of `meta.messages` whose text replaces `meta.fix`. */
  fixId?: string;
  /** Names the variable the finding is about when it is not `variable` (e.g. a missing key). */
  subject?: string;
  /** The finding is about an absent value: report `(not set)` instead of the variable's value. */
  absent?: boolean;
}

/** A rule's hit on a variable, with the rule's metadata. */
export type VariableHit = RuleHit & { meta: RuleMeta };

/**
 * A hit on something other than a variable: built code, the deployed site, a host's or Clerk's answer. Like a
 * `RuleHit` it names a message of its rule; engine/to-finding.ts words it, masks it and applies `ignore`.
 */
export interface PlaceHit {
  meta: RuleMeta;
  /** A key of `meta.messages`. */
  messageId: string;
  /** Values for the message's placeholders. */
  data?: Readonly<Record<string, string>>;
  /** Overrides meta.severity. */
  severity?: Severity;
  /** A key of `meta.messages` whose text replaces `meta.fix`. */
  fixId?: string;
  /** What the finding names in place of a variable: `secret key`, `page`, an endpoint, a host. */
  subject: string;
  /** The value the finding shows; redacted when `secret` is set. */
  value: string;
  secret?: boolean;
  origin: Origin;
  /** The text around a hit in built or fetched code; the keys in it are redacted. */
  excerpt?: string;
  /** For a hit in built code: where the source map says it came from. */
  original?: { file: string; line: number; column: number };
}

/** What every check reports. One function (engine/to-finding.ts) turns hits into findings. */
export type Hit = VariableHit | PlaceHit;

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

/**
 * A message of `meta.messages` with its `{{name}}` placeholders filled. An unknown id or a placeholder without
 * a value is a bug in the rule, so it throws.
 */
export function formatMessage(meta: RuleMeta, messageId: string, data: Readonly<Record<string, string>> = {}): string {
  const template = Object.hasOwn(meta.messages, messageId) ? meta.messages[messageId] : undefined;
  if (template === undefined) throw new Error(`rule ${meta.id} has no message ${messageId}`);
  return template.replace(PLACEHOLDER, (_, key: string) => {
    if (!Object.hasOwn(data, key)) throw new Error(`rule ${meta.id}, message ${messageId}: no value for {{${key}}}`);
    return data[key] as string;
  });
}

export const PLACEHOLDER = /\{\{\s*([A-Za-z][\w]*)\s*\}\}/g;

/** Whether a rule judges the target environment at all. */
export function ruleApplies(meta: RuleMeta, isProduction: boolean): boolean {
  return meta.appliesIn === 'always' || (meta.appliesIn === 'production') === isProduction;
}

/** A rule whose check stays silent where `meta.appliesIn` says it does not judge. */
export function defineRule(meta: RuleMeta, check: (context: RuleContext) => RuleHit[]): Rule {
  return { meta, check: (context) => (ruleApplies(meta, context.isProduction) ? check(context) : []) };
}

export const RULES_DOCS_BASE = 'https://github.com/clerk-production-gate/clerk-production-gate/blob/main/docs/rules.md';
