import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../../src/core/finding.js';
import { runGate } from '../../src/engine/run-gate.js';
import { planAnnotations } from '../../src/reporters/annotations.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { buildOutputs } from '../../src/reporters/outputs.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { renderText } from '../../src/reporters/text.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { DEV_HOST } from '../helpers/keys.js';
import { makeFinding, makeReport, sampleRules } from '../helpers/sample-report.js';

/** What every output format shows: URLs and hosts in full (user-info and query hidden), keys only redacted. */
describe('URLs and hosts in every format', () => {
  it('are shown in full, with user-info and query string hidden', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpg-urls-'));
    writeFileSync(
      path.join(dir, '.env'),
      [
        'NEXT_PUBLIC_CLERK_SIGN_IN_URL=http://localhost:3000/sign-in',
        'NEXT_PUBLIC_CLERK_DOMAIN=localhost:3001',
        `CLERK_FRONTEND_API=${DEV_HOST}`,
        'CLERK_PROXY_URL=http://admin:Hunter2Secret@10.0.0.5/__clerk?sig=Hunter2Signature'
      ].join('\n')
    );
    const { report } = await runGate({ cwd: dir, paths: ['.env'], offline: true });
    rmSync(dir, { recursive: true, force: true });
    const formats = {
      text: renderText(report, { color: false }),
      json: renderJson(report),
      markdown: renderMarkdown(report, RULE_METAS),
      sarif: renderSarif(report, RULE_METAS),
      annotations: planAnnotations(report)
        .map((a) => `${a.title}\n${a.message}`)
        .join('\n')
    };
    for (const [format, text] of Object.entries(formats)) {
      for (const expected of [
        'http://localhost:3000/sign-in',
        'localhost:3001',
        DEV_HOST,
        'http://…@10.0.0.5/__clerk?…'
      ]) {
        // The JSON report writes `…` as \u2026.
        const found = text.includes(expected) || text.includes(expected.replaceAll('…', '\\u2026'));
        expect([format, expected, found]).toEqual([format, expected, true]);
      }
      expect([format, text.includes('Hunter2')]).toEqual([format, false]);
    }
  });

  it('suggest a domain, not a path, for a *_DOMAIN variable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpg-urls-'));
    writeFileSync(
      path.join(dir, '.env'),
      'NEXT_PUBLIC_CLERK_DOMAIN=localhost:3001\nNEXT_PUBLIC_CLERK_SIGN_IN_URL=http://localhost/x\n'
    );
    const { report } = await runGate({ cwd: dir, paths: ['.env'], offline: true });
    rmSync(dir, { recursive: true, force: true });
    const fix = (name: string): string | undefined => report.findings.find((f) => f.variable === name)?.fix;
    expect(fix('NEXT_PUBLIC_CLERK_DOMAIN')).toMatch(/^Use your production domain \(e\.g\. `example\.com`/);
    expect(fix('NEXT_PUBLIC_CLERK_DOMAIN')).not.toContain('/sign-in');
    expect(fix('NEXT_PUBLIC_CLERK_SIGN_IN_URL')).toContain('`/sign-in`');
  });
});

/** A raw key smuggled in fields no reporter should print: only `value` (redacted) may appear. */
// Built at run time; its middle must never appear, only the redacted `sk_live_…WXYZ`.
const CANARY = `sk_live_${'CANARYFake'.repeat(3)}WXYZ`;

function leakyFinding(): Finding {
  const finding = makeFinding({ value: 'sk_live_…WXYZ' });
  return Object.assign(finding, { raw: CANARY, rawValue: CANARY, variableValue: CANARY, toString: () => CANARY });
}

describe('reporters print only the redacted value', () => {
  const report = makeReport([leakyFinding(), { ...leakyFinding(), suppressed: { by: 'ignore-option' } }]);
  const outputs: Record<string, string> = {
    // The JSON text escapes non-ASCII (`…` as \u2026); compare what a parser reads.
    json: JSON.stringify(JSON.parse(renderJson(report))),
    text: renderText(report, { color: false }),
    textColour: renderText(report, { color: true }),
    markdown: renderMarkdown(report, sampleRules()),
    sarif: renderSarif(report, sampleRules()),
    annotations: JSON.stringify(planAnnotations(report)),
    outputs: JSON.stringify(buildOutputs(report, 'report.json'))
  };

  it.each(Object.keys(outputs))('%s shows sk_live_…WXYZ and nothing longer', (name) => {
    const out = outputs[name]!;
    expect(out).toContain('sk_live_…WXYZ');
    expect(out).not.toContain('CANARY');
    expect(out).not.toMatch(/sk_live_[A-Za-z0-9]/);
  });
});
