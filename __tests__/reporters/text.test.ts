import { describe, expect, it } from '@jest/globals';
import { renderText } from '../../src/reporters/text.js';
import { makeFinding, makeReport, sampleFindings, fileOrigin } from '../helpers/sample-report.js';

const ESC = '\u001b';
const plain = renderText(makeReport(), { color: false });
const lines = plain.split('\n');

describe('renderText without colour', () => {
  it('contains no ANSI escape at all', () => {
    expect(plain).not.toContain(ESC);
  });

  it('starts with a header naming the environment and the verdict', () => {
    expect(lines[0]).toBe('clerk-production-gate  environment production  FAILED');
    const passing = renderText(makeReport([], { environment: 'preview', isProduction: false }), { color: false });
    expect(passing.split('\n')[0]).toBe('clerk-production-gate  environment preview (not production)  PASSED');
    expect(passing).toContain('No findings.');
  });

  it('prints each finding as location, severity, rule, variable = redacted value, then message and fix', () => {
    const i = lines.indexOf('.env.production:3:1  error    dev-secret-key  CLERK_SECRET_KEY = sk_test_…WXYZ');
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe('    CLERK_SECRET_KEY holds a development secret key.');
    expect(lines[i + 2]).toBe('    fix: Use the production secret key.');
    expect(lines).toContain('secrets  warning  dev-url  CLERK_SIGN_IN_URL = …host');
    expect(lines).toContain('env  notice   missing-key  CLERK_WEBHOOK_SECRET = (not set)');
  });

  it('groups findings by file, ordered by line inside a file, with a blank line between groups', () => {
    const line2 = lines.findIndex((l) => l.startsWith('.env.production:2:1'));
    const line3 = lines.findIndex((l) => l.startsWith('.env.production:3:1'));
    expect(line2).toBeGreaterThan(0);
    expect(line3).toBe(line2 + 3);
    expect(lines[line3 + 3]).toBe('');
    expect(lines[line3 + 4]).toMatch(/^secrets /);
  });

  it('marks suppressed and shadowed findings', () => {
    expect(plain).toContain(
      '.env:4:1  error    dev-secret-key  CLERK_SECRET_KEY = sk_test_…WXYZ  [suppressed by an inline comment at .env:3]'
    );
    expect(plain).toContain(
      'vars  warning  dev-url  CLERK_SECRET_KEY = sk_test_…WXYZ  [suppressed by the ignore option]'
    );
    expect(plain).toContain(
      '.env.local:1:1  error    dev-secret-key  CLERK_SECRET_KEY = sk_test_…WXYZ  [shadowed by secrets]'
    );
  });

  it('lists every check with its mark', () => {
    expect(lines).toContain('  ✗ Development secret key in production (dev-secret-key) — 2 findings');
    expect(lines).toContain('  ✓ Development URL (dev-url)');
    expect(lines).toContain('  – Frontend API reachable (frontend-api) — offline mode');
    expect(lines).toContain('  ! Instance is production (instance) — request timed out');
  });

  it('ends with a one-line summary from the report', () => {
    expect(plain.endsWith('\n3 errors, 1 warning, 1 notice (2 suppressed)\n')).toBe(true);
    const one = renderText(makeReport([makeFinding()]), { color: false });
    expect(one.endsWith('\n1 error, 0 warnings, 0 notices (0 suppressed)\n')).toBe(true);
  });

  it('shows control characters in report strings escaped, so they cannot drive the terminal', () => {
    const report = makeReport([
      makeFinding({ variable: 'X\u001b[2J', message: 'line\nbreak', origin: fileOrigin('a\r.env', 1, 1) })
    ]);
    const out = renderText(report, { color: false });
    expect(out).not.toContain(ESC);
    expect(out).toContain('X\\x1b[2J = ');
    expect(out).toContain('a\\x0d.env:1:1');
    expect(out).toContain('    line\\x0abreak');
  });
});

describe('renderText with colour', () => {
  const coloured = renderText(makeReport(), { color: true });

  it('colours severities, the verdict and check marks with ANSI SGR codes', () => {
    expect(coloured).toContain(`${ESC}[31mFAILED${ESC}[39m`);
    expect(coloured).toContain(`.env.production:3:1  ${ESC}[31merror  ${ESC}[39m  dev-secret-key`);
    expect(coloured).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[36mnotice ${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[32m✓${ESC}[39m`);
    expect(renderText(makeReport([]), { color: true })).toContain(`${ESC}[32mPASSED${ESC}[39m`);
  });

  it('dims suppressed and shadowed findings, marker included', () => {
    const dimmed = coloured.split('\n').filter((l) => l.startsWith(`${ESC}[2m`) && l.endsWith(`${ESC}[22m`));
    expect(dimmed.some((l) => l.includes('[shadowed by secrets]'))).toBe(true);
    expect(dimmed.some((l) => l.includes('[suppressed by the ignore option]'))).toBe(true);
    expect(dimmed).toHaveLength(9); // three findings, three lines each
  });

  it('is the plain text once escapes are stripped', () => {
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderText(makeReport(sampleFindings()), { color: false }));
  });
});
