import { describe, expect, it } from '@jest/globals';
import { buildComment, COMMENT_MAX_CHARS, markerPrefix, readMemory } from '../../src/reporters/pr-comment.js';
import { makeFinding, makeReport, manyFindings, sampleRules } from '../helpers/sample-report.js';

const rules = sampleRules();
const report = makeReport();

describe('the sticky comment', () => {
  it('carries a hidden marker with the environment, and reads its own memory back', () => {
    const comment = buildComment(report, rules, { environment: 'production' });
    expect(comment.body.startsWith('<!-- clerk-production-gate:production ')).toBe(true);
    expect(comment.body.split('\n')[0]).toMatch(/^<!-- clerk-production-gate:production [A-Za-z0-9_-]+ -->$/);
    expect(readMemory(comment.body, 'production')).toEqual(comment.memory);
    expect(comment.memory.fingerprints).toHaveLength(4);
    expect(comment.memory.complete).toBe(true);
  });

  it("tells environments apart: one environment's marker is not another's, even as a prefix", () => {
    const body = buildComment(report, rules, { environment: 'production' }).body;
    expect(readMemory(body, 'staging')).toBeUndefined();
    expect(readMemory(body, 'prod')).toBeUndefined();
    expect(markerPrefix('Production')).toBe(markerPrefix('production'));
  });

  it('keeps a hostile environment name inside the HTML comment', () => {
    const prefix = markerPrefix('a --> <script>x</script> --');
    expect(prefix).not.toContain('--> ');
    expect(prefix.slice(4)).not.toMatch(/--|>/);
    const body = buildComment(report, rules, { environment: 'a --> <script>x</script> --' }).body;
    expect(readMemory(body, 'a --> <script>x</script> --')?.hash).toHaveLength(16);
  });

  it('knows an unchanged report, whatever the run link', () => {
    const first = buildComment(report, rules, {
      environment: 'production',
      runUrl: 'https://github.com/o/r/actions/runs/1'
    });
    const again = buildComment(report, rules, {
      environment: 'production',
      runUrl: 'https://github.com/o/r/actions/runs/2',
      previous: readMemory(first.body, 'production')
    });
    expect(again.unchanged).toBe(true);
    const changed = buildComment(makeReport(report.findings.slice(1)), rules, {
      environment: 'production',
      previous: readMemory(first.body, 'production')
    });
    expect(changed.unchanged).toBe(false);
  });

  it('says what is new and what was resolved since the last comment, never a value', () => {
    const before = makeReport([
      makeFinding({ variable: 'OLD_ONE', value: 'sk_test_…AAAA' }),
      makeFinding({ variable: 'STAYS' })
    ]);
    const first = buildComment(before, rules, { environment: 'production' });
    const after = makeReport([
      makeFinding({ variable: 'STAYS' }),
      makeFinding({ rule: 'dev-url', variable: 'NEW_ONE' })
    ]);
    const second = buildComment(after, rules, {
      environment: 'production',
      previous: readMemory(first.body, 'production')
    });
    const changes = second.body.slice(second.body.indexOf('### Changes since the last run'));
    expect(changes).toContain('- New: ❌ `dev-url` `NEW_ONE` at `.env.production:1`');
    expect(changes).toContain('- Resolved: dev\\-secret\\-key OLD\\_ONE at \\.env\\.production\\:1');
    expect(changes).not.toContain('STAYS');
    expect(Buffer.from(first.body.split(' ')[2] ?? '', 'base64url').toString()).not.toContain('AAAA');
  });

  it('stays under 65,536 characters with 2,000 findings, marker included, and still remembers them', () => {
    const comment = buildComment(makeReport(manyFindings(2_000)), rules, { environment: 'production' });
    expect(comment.body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(comment.body).toMatch(/more findings, left out for length: see the job summary\./);
    expect(comment.memory.fingerprints).toHaveLength(1000);
    expect(comment.memory.complete).toBe(false);
    expect(readMemory(comment.body, 'production')?.fingerprints).toHaveLength(1000);
  });

  it('treats a marker whose memory was edited as ours, with nothing remembered', () => {
    const memory = readMemory('text <!-- clerk-production-gate:production not-base64-json!! -->', 'production');
    expect(memory).toEqual({ hash: '', fingerprints: [], named: {}, complete: false });
  });

  it('remembers nothing from a marker whose JSON has the wrong shape', () => {
    const packed = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const nothing = { hash: '', fingerprints: [], named: {}, complete: false };
    for (const value of [{ h: 1, f: '', n: {} }, { h: 'x', f: [], n: {} }, { h: 'x', f: '', n: { a: 1 } }, null, 'x']) {
      const body = `<!-- clerk-production-gate:production ${packed(value)} -->`;
      expect(readMemory(body, 'production')).toEqual(nothing);
    }
    const good = `<!-- clerk-production-gate:production ${packed({ h: 'abc', f: '0123abcd', n: { '0123abcd': 'r V at .env:1' }, c: true })} -->`;
    expect(readMemory(good, 'production')).toEqual({
      hash: 'abc',
      fingerprints: ['0123abcd'],
      named: { '0123abcd': 'r V at .env:1' },
      complete: true
    });
  });
});
