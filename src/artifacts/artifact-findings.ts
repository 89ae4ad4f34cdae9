import type { CheckResult } from '../core/check.js';
import type { Finding, Severity } from '../core/finding.js';
import { plural } from '../core/plural.js';
import type { Origin } from '../core/variable.js';
import { ruleApplies, type PlaceHit, type RuleMeta } from '../rules/rule.js';
import type { Artifact } from './classify-candidate.js';
import type { ArtifactHit } from './scan-build-output.js';

/** How a finding names what was found, in place of a variable. */
const ARTIFACT_LABEL: Record<Artifact['kind'], string> = {
  'publishable-key': 'publishable key',
  'secret-key': 'secret key',
  'dev-host': 'Frontend API host'
};

/** The message's words for a secret key: Clerk's and Stripe's share the `sk_` prefixes. */
export function secretKeyKind(artifact: Extract<Artifact, { kind: 'secret-key' }>): string {
  return artifact.legacy
    ? `2021-era Clerk API key (${artifact.key.startsWith('live_') ? 'live_' : 'test_'}…)`
    : `secret key (${artifact.key.slice(0, 8)}…, Clerk or Stripe format)`;
}

/** A hit on something found in built or fetched code: keys are secret (redacted), hosts shown in full. */
export function artifactHit(
  meta: RuleMeta,
  messageId: string,
  data: Record<string, string>,
  hit: Pick<ArtifactHit, 'artifact' | 'excerpt' | 'original'>,
  origin: Origin,
  severity?: Severity
): PlaceHit {
  const { artifact } = hit;
  return {
    meta,
    messageId,
    data,
    ...(severity !== undefined && { severity }),
    subject: ARTIFACT_LABEL[artifact.kind],
    value: artifact.kind === 'dev-host' ? artifact.host : artifact.key,
    secret: artifact.kind !== 'dev-host',
    origin,
    excerpt: hit.excerpt,
    ...(hit.original && { original: hit.original })
  };
}

/** What a scan could not list or read: hits past a cap per rule id (judged, not listed), and why it is incomplete. */
interface ScanGaps {
  omitted?: ReadonlyMap<string, number>;
  incomplete?: string;
  /** `on-api-error: warn`: an incomplete scan does not fail the gate by itself. */
  tolerated?: boolean;
}

/**
 * One checklist line per rule: skipped where the rule does not apply or nothing was scanned; else fail (counting
 * hits past the listing cap), incomplete when part of the output was not read, or pass.
 */
export function artifactChecks(
  rules: readonly RuleMeta[],
  findings: readonly Finding[],
  isProduction: boolean,
  scanned: string | undefined,
  notScanned: string,
  gaps: ScanGaps = {}
): CheckResult[] {
  return rules.map((meta) => {
    const base = { id: meta.id, title: meta.title };
    if (!ruleApplies(meta, isProduction)) {
      const where = meta.appliesIn === 'production' ? 'production' : 'non-production';
      return { ...base, status: 'skipped', detail: `applies to ${where} environments only` };
    }
    if (scanned === undefined) return { ...base, status: 'skipped', detail: notScanned };
    const mine = findings.filter((f) => f.rule === meta.id);
    const listed = mine.filter((f) => !f.suppressed).length;
    // `ignore` is per rule: hits past the cap share the listed ones' suppression.
    const omitted = gaps.omitted?.get(meta.id) ?? 0;
    const active = listed > 0 ? listed + omitted : 0;
    const quiet = mine.length - listed + (listed > 0 ? 0 : omitted);
    const note = quiet > 0 ? ` (${quiet} suppressed)` : '';
    const unlisted = listed > 0 && omitted > 0 ? `; ${omitted} not listed` : '';
    if (active > 0)
      return { ...base, status: 'fail', detail: `${plural(active, 'finding')} in ${scanned}${unlisted}${note}` };
    if (gaps.incomplete !== undefined) {
      return {
        ...base,
        status: 'incomplete',
        detail: `no findings in what was read of ${scanned}, but ${gaps.incomplete}${note}`,
        ...(gaps.tolerated && { tolerated: true })
      };
    }
    return { ...base, status: 'pass', detail: `no findings in ${scanned}${note}` };
  });
}
