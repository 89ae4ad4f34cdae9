import type { CheckResult } from '../../src/core/check.js';
import type { Finding } from '../../src/core/finding.js';
import type { Report } from '../../src/core/report.js';
import { FindingTally } from '../../src/engine/finding-tally.js';
import type { Origin } from '../../src/core/variable.js';
import type { RuleMeta } from '../../src/rules/rule.js';

/** Builders of sample Reports for reporter tests. Values are already redacted, as in a real Report. */

export const DOCS = 'https://example.test/docs/rules.md';

export function fileOrigin(file = '.env.production', line = 1, column = 1): Origin {
  return { kind: 'file', file, line, column };
}

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'dev-secret-key',
    severity: 'error',
    variable: 'CLERK_SECRET_KEY',
    value: 'sk_test_…WXYZ',
    origin: fileOrigin(),
    message: 'CLERK_SECRET_KEY holds a development secret key.',
    fix: 'Use the production secret key.',
    ...overrides
  };
}

/** One of each shape: file/non-file origins, all severities, both suppressions, a shadowed definition. */
export function sampleFindings(): Finding[] {
  return [
    makeFinding({ origin: fileOrigin('.env.production', 3, 1) }),
    makeFinding({
      rule: 'dev-publishable-key',
      variable: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
      value: 'pk_test_…abcd',
      origin: fileOrigin('.env.production', 2, 1),
      message: 'Development publishable key.',
      fix: 'Use the production publishable key.'
    }),
    makeFinding({
      rule: 'dev-url',
      severity: 'warning',
      variable: 'CLERK_SIGN_IN_URL',
      value: '…host',
      origin: { kind: 'secrets' }
    }),
    makeFinding({
      rule: 'missing-key',
      severity: 'notice',
      variable: 'CLERK_WEBHOOK_SECRET',
      value: '(not set)',
      origin: { kind: 'env' }
    }),
    makeFinding({ origin: fileOrigin('.env', 4, 1), suppressed: { by: 'inline-comment', file: '.env', line: 3 } }),
    makeFinding({
      rule: 'dev-url',
      severity: 'warning',
      origin: { kind: 'vars' },
      suppressed: { by: 'ignore-option' }
    }),
    makeFinding({ origin: fileOrigin('.env.local', 1, 1), shadowedBy: { kind: 'secrets' } })
  ];
}

export function sampleChecks(): CheckResult[] {
  return [
    { id: 'dev-secret-key', title: 'Development secret key in production', status: 'fail', detail: '2 findings' },
    { id: 'dev-url', title: 'Development URL', status: 'pass', detail: '' },
    { id: 'frontend-api', title: 'Frontend API reachable', status: 'skipped', detail: 'offline mode' },
    { id: 'instance', title: 'Instance is production', status: 'error', detail: 'request timed out' }
  ];
}

export function sampleRules(): Map<string, RuleMeta> {
  const meta = (id: string, severity: RuleMeta['severity'], title: string): RuleMeta => ({
    id,
    severity,
    title,
    explanation: `${title}: explanation.`,
    fix: `${title}: fix.`,
    docs: `${DOCS}#${id}`,
    appliesIn: 'always',
    messages: {}
  });
  return new Map(
    [
      meta('dev-secret-key', 'error', 'Development secret key in production'),
      meta('dev-publishable-key', 'error', 'Development publishable key in production'),
      meta('dev-url', 'warning', 'Development URL'),
      meta('missing-key', 'notice', 'Missing key')
    ].map((m) => [m.id, m])
  );
}

/** A Report whose summary and verdict follow from its findings (fail-on error by default). */
export function makeReport(findings: Finding[] = sampleFindings(), overrides: Partial<Report> = {}): Report {
  // Counted the way the engine counts.
  const tally = new FindingTally();
  for (const finding of findings) tally.add(finding);
  const { error: errors, warning: warnings, notice: notices } = tally.bySeverity;
  const failOn = overrides.failOn ?? 'error';
  const passed = failOn === 'never' || (errors === 0 && (failOn === 'error' || warnings === 0));
  return {
    environment: 'production',
    isProduction: true,
    passed,
    failOn,
    summary: { errors, warnings, notices, suppressed: tally.suppressed },
    sources: [
      { kind: 'file', file: '.env.production', variables: 5, framework: 'nextjs' },
      { kind: 'file', file: '.env', variables: 2 },
      { kind: 'secrets', variables: 3 }
    ],
    skipped: [],
    findings,
    checks: sampleChecks(),
    diagnostics: [],
    ...overrides
  };
}

/** Findings a hostile repository could produce: markup, pipes, backticks and escapes in names and paths. */
export function hostileFinding(overrides: Partial<Finding> = {}): Finding {
  return makeFinding({
    variable: 'EVIL|<script>alert(1)</script>`x`',
    value: 'sk_live_…`|<b',
    origin: fileOrigin('dir|x/<img src=x onerror=alert(1)>`.env', 2, 5),
    message: 'Bad [link](https://evil.test) **bold** <b>html</b> | pipe\nnew row',
    fix: 'Use `pk_live_…` | not the test key',
    ...overrides
  });
}

/** `n` findings spread over a few rules, for caps and truncation. */
export function manyFindings(n: number, overrides: Partial<Finding> = {}): Finding[] {
  const rules = ['dev-secret-key', 'dev-publishable-key', 'dev-url'];
  return Array.from({ length: n }, (_, i) =>
    makeFinding({
      rule: rules[i % rules.length] ?? 'dev-secret-key',
      variable: `VAR_${i}`,
      origin: fileOrigin('.env', i + 1, 1),
      ...overrides
    })
  );
}
