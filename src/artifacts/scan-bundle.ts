import path from 'node:path';
import { plural } from '../core/plural.js';
import { ruleApplies, type Hit, type PlaceHit } from '../rules/rule.js';
import { artifactChecks, artifactHit, secretKeyKind } from './artifact-findings.js';
import {
  BUNDLE_RULES,
  bundleDevFrontendApi,
  bundleDevPublishableKey,
  bundleIncomplete,
  bundleSecretKey
} from '../rules/bundle.js';
import type { BuildDirPlan } from './build-output.js';
import type { BundleResult } from './check-bundle.js';
import type { Artifact } from './classify-candidate.js';
import { scanBuildOutput, type ArtifactHit, type BuildScan } from './scan-build-output.js';

/** checkBundle's scan of the build directories `plan` found (at least one). */
export function scanBundle(
  cwd: string,
  plan: BuildDirPlan,
  isProduction: boolean,
  onApiError: 'fail' | 'warn',
  notScanned: string
): BundleResult {
  const wanted = (a: Artifact): boolean =>
    a.kind === 'secret-key' ||
    (ruleApplies(bundleDevPublishableKey, isProduction) &&
      (a.kind === 'dev-host' || a.parsed.instanceType === 'development'));
  const scan = scanBuildOutput(cwd, plan.dirs, wanted, plan.astroServerDirs);
  const hits: Hit[] = scan.hits.map(toHit);
  const rel = plan.dirs.map((d) => relativeDir(cwd, d));
  const scanned = `${plural(scan.files, 'file')} (${megabytes(scan.bytes)}) of ${rel.join(', ')}`;
  const more = scan.incomplete.length > 3 ? '; …' : '';
  const incomplete =
    scan.incomplete.length > 0
      ? `${plural(scan.incomplete.length, 'file')} not read whole (${scan.incomplete.slice(0, 3).join('; ')}${more})`
      : undefined;
  if (incomplete !== undefined) hits.push(incompleteHit(scan, incomplete, isProduction, onApiError));
  const omitted = new Map([
    [bundleDevPublishableKey.id, scan.omitted['publishable-key']],
    [bundleDevFrontendApi.id, scan.omitted['dev-host']],
    [bundleSecretKey.id, scan.omitted['secret-key']]
  ]);
  return {
    hits,
    checklist: (findings) =>
      artifactChecks(BUNDLE_RULES, findings, isProduction, scanned, notScanned, {
        omitted,
        ...(incomplete !== undefined && { incomplete, tolerated: onApiError === 'warn' })
      }),
    skipped: [...plan.skipped, ...scan.skipped],
    secrets: [...scan.secrets],
    scanned: true
  };
}

function toHit(hit: ArtifactHit): PlaceHit {
  const origin = { kind: 'file' as const, file: hit.file, line: hit.line, column: hit.column };
  const { artifact } = hit;
  if (artifact.kind === 'secret-key') {
    return artifactHit(bundleSecretKey, 'found', { what: secretKeyKind(artifact) }, hit, origin);
  }
  if (artifact.kind === 'publishable-key') {
    return artifactHit(bundleDevPublishableKey, 'found', { host: artifact.parsed.frontendApi }, hit, origin);
  }
  return artifactHit(bundleDevFrontendApi, 'found', { host: artifact.host }, hit, origin);
}

/**
 * The hit that a scan left part of the output unread: an error in production (a warning with
 * `on-api-error: warn`), a warning elsewhere, so a bundle the gate could not read whole never passes silently.
 */
function incompleteHit(scan: BuildScan, reasons: string, isProduction: boolean, onApiError: 'fail' | 'warn'): PlaceHit {
  const first = scan.skipped.find((s) => scan.incomplete.some((i) => i.startsWith(`${s.file}: `)));
  const file = first?.file ?? '.';
  return {
    meta: bundleIncomplete,
    messageId: 'unread',
    data: { reasons },
    severity: isProduction && onApiError === 'fail' ? 'error' : 'warning',
    subject: 'build-dirs',
    value: file,
    origin: { kind: 'file', file, line: 1, column: 1 }
  };
}

/** As the findings name files: relative to the working directory. */
function relativeDir(cwd: string, dir: string): string {
  return (path.relative(cwd, dir) || '.').split(path.sep).join('/');
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
