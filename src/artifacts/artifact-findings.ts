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

/** One checklist line per rule: skipped where the rule does not apply or nothing was scanned; else pass or fail. */
export function artifactChecks(
  rules: readonly RuleMeta[],
  findings: readonly Finding[],
  isProduction: boolean,
  scanned: string | undefined,
  notScanned: string
): CheckResult[] {
  return rules.map((meta) => {
    const base = { id: meta.id, title: meta.title };
    if (!ruleApplies(meta, isProduction)) {
      const where = meta.appliesIn === 'production' ? 'production' : 'non-production';
      return { ...base, status: 'skipped', detail: `applies to ${where} environments only` };
    }
    if (scanned === undefined) return { ...base, status: 'skipped', detail: notScanned };
    const mine = findings.filter((f) => f.rule === meta.id);
    const active = mine.filter((f) => !f.suppressed).length;
    const quiet = mine.length - active;
    const note = quiet > 0 ? ` (${quiet} suppressed)` : '';
    return active > 0
      ? { ...base, status: 'fail', detail: `${plural(active, 'finding')} in ${scanned}${note}` }
      : { ...base, status: 'pass', detail: `no findings in ${scanned}${note}` };
  });
}
