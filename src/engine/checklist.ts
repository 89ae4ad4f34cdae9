import { plural } from '../core/plural.js';
import type { CheckResult } from '../core/check.js';
import type { SourceInfo } from '../core/source.js';
import type { FindingTally } from './finding-tally.js';
import { ruleApplies, type Rule } from '../rules/rule.js';
import type { RuntimeKeyApp } from '../sources/key-location.js';

/** One checklist line per rule: pass, fail, or skipped when the rule does not apply here. */
export function ruleChecks(rules: readonly Rule[], tally: FindingTally, isProduction: boolean): CheckResult[] {
  return rules.map(({ meta }) => {
    const base = { id: meta.id, title: meta.title };
    if (!ruleApplies(meta, isProduction)) {
      const where = meta.appliesIn === 'production' ? 'production' : 'non-production';
      return { ...base, status: 'skipped', detail: `applies to ${where} environments only` };
    }
    const { active, quiet } = tally.forRule(meta.id);
    const note = quiet > 0 ? ` (${quiet} suppressed or shadowed)` : '';
    return active > 0
      ? { ...base, status: 'fail', detail: `${plural(active, 'finding')}${note}` }
      : { ...base, status: 'pass', detail: `no findings${note}` };
  });
}

/** What the gate read, for the checklist's first line. */
export interface ReadSummary {
  sources: readonly SourceInfo[];
  /** Files a glob matched that were not judged. */
  skipped: number;
  /** Whether any build output (or the deployed site) was judged. */
  builtScanned: boolean;
  /** Whether a Clerk variable with a value was read, from any source (for any app). */
  clerkRead: boolean;
  /** Whether the deployed site was read and showed a Clerk instance: the keys a server hands the browser. */
  deployedClerk: boolean;
  /**
   * The apps whose Clerk keys a server reads at runtime (sources/key-location.ts) and for which no Clerk variable
   * was read: none in their own files, none from a runtime source.
   */
  runtimeKeys: readonly RuntimeKeyApp[];
}

/**
 * The first line of the checklist: how much the gate read. It fails the gate (exit 1, whatever `fail-on` but
 * `never`) when the gate judged nothing that shows the keys the app runs with: no variable and no build output, or
 * no Clerk variable for an app whose framework reads Clerk's keys at runtime (its build output cannot show them;
 * the deployed site, when it was read and showed Clerk, can).
 * Build output alone, of a framework that compiles the key into it, is evidence: the line is skipped, not failed.
 */
export function readCheck(read: ReadSummary): CheckResult {
  const { sources, skipped, builtScanned, clerkRead, deployedClerk, runtimeKeys } = read;
  const variables = sources.reduce((sum, s) => sum + s.variables, 0);
  const base = { id: 'variables-read', title: 'Variables read from the deployment environment' };
  if (runtimeKeys.length > 0 && !deployedClerk) {
    const apps = runtimeKeys.map(({ app, framework, evidence }) => {
      const where = app === '.' ? '' : `${app}: `;
      return `${where}${framework} (${evidence}): this framework reads Clerk's keys at runtime`;
    });
    const what =
      variables === 0
        ? 'no variable was read'
        : clerkRead
          ? 'no Clerk variable was read for it'
          : `${plural(variables, 'variable')} read, none of them Clerk's`;
    return {
      ...base,
      status: 'fail',
      detail: `${apps.join('; ')}: pass its variables (vars-json, secrets-json or a host); ${what}`
    };
  }
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
