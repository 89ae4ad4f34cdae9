import path from 'node:path';
import type { CheckResult } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import { plural } from '../core/plural.js';
import type { SkippedFile } from '../core/source.js';
import { ruleApplies, type Hit } from '../rules/rule.js';
import { artifactChecks, artifactHit, secretKeyKind } from './artifact-findings.js';
import { BUNDLE_RULES, bundleDevFrontendApi, bundleDevPublishableKey, bundleSecretKey } from '../rules/bundle.js';
import { planBuildDirs } from './build-output.js';
import { scanBuildOutput } from './scan-build-output.js';

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
export function checkBundle(
  cwd: string,
  buildDirs: readonly string[],
  appDirs: readonly string[],
  isProduction: boolean
): BundleResult {
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
  const scan = scanBuildOutput(cwd, plan.dirs);
  const hits: Hit[] = [];
  const secrets: string[] = [];
  for (const hit of scan.hits) {
    const origin = { kind: 'file' as const, file: hit.file, line: hit.line, column: hit.column };
    const { artifact } = hit;
    if (artifact.kind === 'secret-key') {
      secrets.push(artifact.key);
      hits.push(artifactHit(bundleSecretKey, 'found', { what: secretKeyKind(artifact) }, hit, origin));
    } else if (!ruleApplies(bundleDevPublishableKey, isProduction)) {
      continue;
    } else if (artifact.kind === 'publishable-key' && artifact.parsed.instanceType === 'development') {
      const data = { host: artifact.parsed.frontendApi };
      hits.push(artifactHit(bundleDevPublishableKey, 'found', data, hit, origin));
    } else if (artifact.kind === 'dev-host') {
      hits.push(artifactHit(bundleDevFrontendApi, 'found', { host: artifact.host }, hit, origin));
    }
  }
  const rel = plan.dirs.map((d) => relativeDir(cwd, d));
  const omitted = scan.omitted > 0 ? `; ${scan.omitted} more not listed` : '';
  const scanned = `${plural(scan.files, 'file')} (${megabytes(scan.bytes)}) of ${rel.join(', ')}${omitted}`;
  return {
    hits,
    checklist: (findings) => artifactChecks(BUNDLE_RULES, findings, isProduction, scanned, notScanned),
    skipped: [...plan.skipped, ...scan.skipped],
    secrets,
    scanned: true
  };
}

/** As the findings name files: relative to the working directory. */
function relativeDir(cwd: string, dir: string): string {
  return (path.relative(cwd, dir) || '.').split(path.sep).join('/');
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
