import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/core/finding.js';
import { planAnnotations } from '../../src/reporters/annotations.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { buildOutputs } from '../../src/reporters/outputs.js';
import { renderSarif } from '../../src/reporters/sarif.js';
import { renderText } from '../../src/reporters/text.js';
import { makeFinding, makeReport, sampleRules } from '../helpers/sample-report.js';

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
