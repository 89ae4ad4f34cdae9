import { describe, expect, it } from '@jest/globals';
import { jsonReportSchema } from '../../src/reporters/json-schema.js';
import { JSON_BATCH, renderJson, renderJsonChunks, toJsonReport } from '../../src/reporters/json.js';
import { makeFinding, makeReport, manyFindings, sampleFindings } from '../helpers/sample-report.js';

describe('toJsonReport', () => {
  const json = toJsonReport(makeReport());

  it('has exactly the contract keys', () => {
    expect(Object.keys(json)).toEqual([
      'version',
      'environment',
      'production',
      'passed',
      'summary',
      'sources',
      'skipped',
      'findings',
      'checks'
    ]);
    expect(json.version).toBe(1);
    expect(json.environment).toBe('production');
    expect(json.passed).toBe(false);
    expect(json.summary).toEqual({ errors: 3, warnings: 1, notices: 1 });
  });

  it('maps a file origin to {file, line, column} and other origins to {source}', () => {
    expect(json.findings[0]).toEqual({
      rule: 'dev-secret-key',
      severity: 'error',
      variable: 'CLERK_SECRET_KEY',
      value: 'sk_test_…WXYZ',
      location: { file: '.env.production', line: 3, column: 1 },
      message: 'CLERK_SECRET_KEY holds a development secret key.',
      fix: 'Use the production secret key.'
    });
    expect(json.findings[2]?.location).toEqual({ source: 'secrets' });
    expect(json.findings[3]?.location).toEqual({ source: 'env' });
  });

  it('adds suppressed and shadowed_by only when set', () => {
    expect(json.findings[0]).not.toHaveProperty('suppressed');
    expect(json.findings[0]).not.toHaveProperty('shadowed_by');
    expect(json.findings[4]?.suppressed).toEqual({ by: 'inline-comment', file: '.env', line: 3 });
    expect(json.findings[5]?.suppressed).toEqual({ by: 'ignore-option' });
    expect(json.findings[6]?.shadowed_by).toEqual({ source: 'secrets' });
    const shadowedByFile = toJsonReport(
      makeReport([makeFinding({ shadowedBy: { kind: 'file', file: 'a.env', line: 2, column: 1 } })])
    );
    expect(shadowedByFile.findings[0]?.shadowed_by).toEqual({ file: 'a.env', line: 2, column: 1 });
  });

  it('keeps checks to id, status, detail and sources as given (framework only when set)', () => {
    expect(json.checks[0]).toEqual({ id: 'dev-secret-key', status: 'fail', detail: '2 findings' });
    expect(json.sources).toEqual([
      { kind: 'file', file: '.env.production', variables: 5, framework: 'nextjs' },
      { kind: 'file', file: '.env', variables: 2 },
      { kind: 'secrets', variables: 3 }
    ]);
  });

  it('leaves out report fields outside the contract (isProduction, failOn, suppressed count, diagnostics)', () => {
    const report = makeReport(sampleFindings(), { diagnostics: [{ file: '.env', line: 9, message: 'ignored line' }] });
    const text = JSON.stringify(toJsonReport(report));
    for (const key of ['isProduction', 'failOn', 'diagnostics', 'shadowedBy', 'origin', '"suppressed":2'])
      expect(text).not.toContain(key);
  });
});

describe('renderJson', () => {
  it('is pretty JSON with a trailing newline that validates against the schema', () => {
    const out = renderJson(makeReport());
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "version": 1,');
    const parsed: unknown = JSON.parse(out);
    expect(jsonReportSchema.safeParse(parsed).success).toBe(true);
  });

  it('validates for an empty, passing report', () => {
    const parsed: unknown = JSON.parse(renderJson(makeReport([], { checks: [], sources: [] })));
    expect(jsonReportSchema.parse(parsed)).toMatchObject({
      passed: true,
      findings: [],
      summary: { errors: 0, warnings: 0, notices: 0 }
    });
  });
});

describe('jsonReportSchema', () => {
  const valid = (): Record<string, unknown> => JSON.parse(renderJson(makeReport())) as Record<string, unknown>;

  it('rejects unknown keys at the top, in a finding and in the summary', () => {
    expect(jsonReportSchema.safeParse({ ...valid(), extra: 1 }).success).toBe(false);
    const withOrigin = valid();
    (withOrigin.findings as Record<string, unknown>[])[0]!.origin = { kind: 'env' };
    expect(jsonReportSchema.safeParse(withOrigin).success).toBe(false);
    const withSuppressedCount = valid();
    (withSuppressedCount.summary as Record<string, unknown>).suppressed = 2;
    expect(jsonReportSchema.safeParse(withSuppressedCount).success).toBe(false);
  });

  it('rejects another version, a bad severity or a bad location', () => {
    expect(jsonReportSchema.safeParse({ ...valid(), version: 2 }).success).toBe(false);
    const badSeverity = valid();
    (badSeverity.findings as Record<string, unknown>[])[0]!.severity = 'fatal';
    expect(jsonReportSchema.safeParse(badSeverity).success).toBe(false);
    const badLocation = valid();
    (badLocation.findings as Record<string, unknown>[])[0]!.location = { source: 'dotenv' };
    expect(jsonReportSchema.safeParse(badLocation).success).toBe(false);
  });
});

describe('renderJsonChunks', () => {
  it.each([
    ['a sample report', () => makeReport()],
    ['a report without findings or sources', () => ({ ...makeReport([]), sources: [] })],
    ['a report with many findings', () => makeReport(manyFindings(500))]
  ])('yields JSON.stringify(…, null, 2) of the report, non-ASCII escaped, for %s', (_name, build) => {
    const report = build();
    const chunks = [...renderJsonChunks(report)];
    const expected = JSON.stringify(toJsonReport(report), null, 2).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    );
    expect(chunks.join('')).toBe(`${expected}\n`);
    expect(chunks.join('')).toBe(renderJson(report));
    expect([...chunks.join('')].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(JSON.parse(chunks.join(''))).toEqual(toJsonReport(report));
    // Pieces, not one string: at least one per batch of findings.
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(report.findings.length / JSON_BATCH));
  });
});
