import { describe, expect, it } from '@jest/globals';
import { fixMarkdown } from '../../src/reporters/markdown-text.js';

describe('fixMarkdown', () => {
  it('keeps code spans and escapes the rest', () => {
    expect(fixMarkdown('Enter `clerk` (not `clerk.example.com`) <b>now</b>')).toBe(
      'Enter `clerk` \\(not `clerk.example.com`\\) \\<b\\>now\\<\\/b\\>'
    );
  });

  it('makes a link only of an https URL on a vendor host', () => {
    expect(fixMarkdown('Change it at https://app.netlify.com/sites/shop/configuration/env.')).toBe(
      'Change it at [https\\:\\/\\/app\\.netlify\\.com\\/sites\\/shop\\/configuration\\/env](https://app.netlify.com/sites/shop/configuration/env)\\.'
    );
    for (const url of [
      'https://evil.example/x',
      'http://vercel.com/x',
      'https://vercel.com.evil.example/x',
      'https://vercel.com:8443/x',
      'https://user@vercel.com/x'
    ]) {
      expect(fixMarkdown(`See ${url}`)).not.toContain('](');
    }
  });

  it('an unclosed backtick run and data with markup stay text', () => {
    const out = fixMarkdown('`a ![x](https://evil.example/b.png)');
    expect(out).not.toMatch(/!\[|\]\(/);
    expect(out.startsWith('\\`a')).toBe(true);
  });

  it('a code span with backticks inside is fenced longer', () => {
    expect(fixMarkdown('x ``a`b`` y')).toBe('x ``a`b`` y');
  });
});
