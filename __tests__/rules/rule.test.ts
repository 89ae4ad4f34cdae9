import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { BUNDLE_RULES } from '../../src/rules/bundle.js';
import { SITE_RULES } from '../../src/rules/site.js';
import { RULES } from '../../src/rules/index.js';
import { formatMessage, PLACEHOLDER } from '../../src/rules/rule.js';

/** The single-word string literals in a rule's code (message keys are written unquoted in the table). */
function literalsIn(ruleId: string): Set<string> {
  const source = readFileSync(`src/rules/variables/${ruleId}.ts`, 'utf8');
  return new Set([...source.matchAll(/'(\w+)'/g)].map((m) => m[1] as string));
}

describe('rule messages, in one table per rule', () => {
  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))(
    '%s: every message is a sentence with named placeholders',
    (_, rule) => {
      const { messages } = rule.meta;
      expect(Object.keys(messages).length).toBeGreaterThan(0);
      for (const [id, text] of Object.entries(messages)) {
        expect([id, /[.]$/.test(text)]).toEqual([id, true]);
        expect([id, text.replace(PLACEHOLDER, '').includes('{')]).toEqual([id, false]);
        const data = Object.fromEntries([...text.matchAll(PLACEHOLDER)].map((m) => [m[1], `<${m[1]}>`]));
        expect(formatMessage(rule.meta, id, data)).not.toMatch(/\{\{|\}\}/);
      }
    }
  );

  it.each(RULES.map((rule) => [rule.meta.id, rule] as const))(
    '%s: names every message it lists in its code',
    (id, rule) => {
      const literals = literalsIn(id);
      expect(Object.keys(rule.meta.messages).filter((key) => !literals.has(key))).toEqual([]);
    }
  );

  it('refuses an unknown message or a missing placeholder value (a bug in the rule, not in the input)', () => {
    const [rule] = RULES;
    expect(() => formatMessage(rule!.meta, 'noSuchMessage')).toThrow(/no message noSuchMessage/);
    const [id] = Object.keys(rule!.meta.messages);
    expect(() => formatMessage(rule!.meta, id!, {})).toThrow(/no value for/);
  });

  it('fills a value that looks like a placeholder literally, once', () => {
    const rule = RULES.find((r) => r.meta.id === 'dev-secret-key')!;
    expect(formatMessage(rule.meta, 'secretKey', { name: '{{name}}' })).toBe(
      '{{name}} holds a development secret key (`sk_test_…`).'
    );
  });
});

describe('build-output and deployed-site rule messages', () => {
  const code = ['src/artifacts/scan-bundle.ts', 'src/site/check-site.ts']
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const used = new Set([...code.matchAll(/'(\w+)'/g)].map((m) => m[1] as string));
  it.each([...BUNDLE_RULES, ...SITE_RULES].map((meta) => [meta.id, meta] as const))(
    '%s: every message is a sentence with named placeholders, and is used',
    (_, meta) => {
      for (const [id, text] of Object.entries(meta.messages)) {
        expect([id, /[.]$/.test(text)]).toEqual([id, true]);
        const data = Object.fromEntries([...text.matchAll(PLACEHOLDER)].map((m) => [m[1], `<${m[1]}>`]));
        expect(formatMessage(meta, id, data)).not.toMatch(/\{\{|\}\}/);
        expect([id, used.has(id)]).toEqual([id, true]);
      }
    }
  );
});
