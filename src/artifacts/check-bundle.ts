import type { CheckResult } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import type { SkippedFile } from '../core/source.js';
import type { Hit } from '../rules/rule.js';
import { artifactChecks } from './artifact-findings.js';
import { BUNDLE_RULES } from '../rules/bundle.js';
import { planBuildDirs } from './build-output.js';

export interface BundleResult {
  hits: Hit[];
  /** The checklist lines, given the findings made of `hits`. */
  checklist(findings: readonly Finding[]): CheckResult[];
  skipped: SkippedFile[];
  /** Secret keys found, for log masking. Never printed. */
  secrets: string[];
  /** Whether any build output was scanned. */
  scanned: boolean;
}

/**
 * The built client bundle: what the browser will load, whatever the variables said. Finds development
 * publishable keys and hosts (production only) and secret keys (everywhere).
 */
export async function checkBundle(
  cwd: string,
  buildDirs: readonly string[],
  appDirs: readonly string[],
  isProduction: boolean,
  onApiError: 'fail' | 'warn' = 'fail'
): Promise<BundleResult> {
  const plan = planBuildDirs(cwd, buildDirs, appDirs);
  const notScanned =
    buildDirs.length === 1 && buildDirs[0] === 'none'
      ? 'build-dirs is none'
      : 'no build output found (build the app before the gate, or set build-dirs)';
  if (plan.dirs.length === 0) {
    return {
      hits: [],
      checklist: () => artifactChecks(BUNDLE_RULES, [], isProduction, undefined, notScanned),
      skipped: plan.skipped,
      secrets: [],
      scanned: false
    };
  }
  // The scanner's modules are a chunk of their own, loaded only when there is build output: a run without any
  // does not compile them at start-up (bench/README.md).
  const { scanBundle } = await import('./scan-bundle.js');
  return scanBundle(cwd, plan, isProduction, onApiError, notScanned);
}
