import { describe, expect, it } from '@jest/globals';
import { planAnnotations } from '../../src/reporters/annotations.js';
import { makeFinding, makeReport, manyFindings, sampleFindings } from '../helpers/sample-report.js';

describe('planAnnotations', () => {
  it('annotates each unsuppressed finding at its file position, shadowed ones as notices', () => {
    const annotations = planAnnotations(makeReport(sampleFindings()));
    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ['error', 'dev-secret-key: CLERK_SECRET_KEY'],
      ['error', 'dev-publishable-key: NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY'],
      ['warning', 'dev-url: CLERK_SIGN_IN_URL (secrets)'],
      ['notice', 'missing-key: CLERK_WEBHOOK_SECRET (env)'],
      ['notice', 'dev-secret-key: CLERK_SECRET_KEY']
    ]);
    expect(annotations[0]).toEqual({
      level: 'error',
      title: 'dev-secret-key: CLERK_SECRET_KEY',
      message:
        'CLERK_SECRET_KEY holds a development secret key.\nValue: sk_test_…WXYZ\nFix: Use the production secret key.',
      file: '.env.production',
      startLine: 3,
      startColumn: 1
    });
    expect(annotations[2]).not.toHaveProperty('file');
    expect(annotations[4]).toMatchObject({ file: '.env.local', startLine: 1 });
    expect(annotations[4]!.message).toContain('Shadowed by secrets');
  });

  it('gives suppressed findings no annotation', () => {
    expect(planAnnotations(makeReport([makeFinding({ suppressed: { by: 'ignore-option' } })]))).toEqual([]);
  });

  it('emits all findings of a level up to 10', () => {
    const annotations = planAnnotations(makeReport(manyFindings(10)));
    expect(annotations).toHaveLength(10);
    expect(annotations.every((a) => a.file === '.env')).toBe(true);
  });

  it('caps 25 errors at 10 annotations, the last aggregating the other 16 by rule', () => {
    const annotations = planAnnotations(makeReport(manyFindings(25)));
    expect(annotations).toHaveLength(10);
    expect(annotations.every((a) => a.level === 'error')).toBe(true);
    expect(annotations.slice(0, 9).map((a) => a.startLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Findings 10..25 cycle through the three rules: dev-secret-key ×6, dev-publishable-key ×5, dev-url ×5.
    expect(annotations[9]).toEqual({
      level: 'error',
      title: 'clerk-production-gate: 16 more errors',
      message: 'and 16 more errors: dev-secret-key ×6, dev-publishable-key ×5, dev-url ×5 — see the job summary'
    });
  });

  it('caps each level separately', () => {
    const findings = [
      ...manyFindings(12),
      ...manyFindings(11, { severity: 'warning' }),
      ...manyFindings(30, { severity: 'notice' }),
      ...manyFindings(5, { shadowedBy: { kind: 'vars' } })
    ];
    const annotations = planAnnotations(makeReport(findings));
    const count = (level: string): number => annotations.filter((a) => a.level === level).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([10, 10, 10]);
    expect(annotations.find((a) => a.title === 'clerk-production-gate: 3 more errors')).toBeDefined();
    expect(annotations.find((a) => a.title === 'clerk-production-gate: 2 more warnings')).toBeDefined();
    expect(annotations.find((a) => a.title === 'clerk-production-gate: 26 more notices')).toBeDefined();
  });
});
