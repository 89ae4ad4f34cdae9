import { describe, expect, it } from '@jest/globals';
import { renderSarif } from '../../src/reporters/sarif.js';
import { VERSION } from '../../src/core/version.js';
import { fileOrigin, makeFinding, makeReport, sampleRules } from '../helpers/sample-report.js';

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: Record<string, unknown>[] } };
    results: Record<string, unknown>[];
  }[];
}

const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;
const log = parse(renderSarif(makeReport(), sampleRules()));
const run = log.runs[0]!;

describe('renderSarif', () => {
  it('is SARIF 2.1.0 with one run by clerk-production-gate', () => {
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('clerk-production-gate');
    expect(run.tool.driver.version).toBe(VERSION);
  });

  it('describes every known rule', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'dev-secret-key',
      'dev-publishable-key',
      'dev-url',
      'missing-key'
    ]);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'dev-secret-key',
      shortDescription: { text: 'Development secret key in production' },
      fullDescription: { text: 'Development secret key in production: explanation.' },
      help: { text: 'Development secret key in production: fix.' },
      helpUri: 'https://example.test/docs/rules.md#dev-secret-key',
      defaultConfiguration: { level: 'error' }
    });
    expect(run.tool.driver.rules.map((r) => (r.defaultConfiguration as { level: string }).level)).toEqual([
      'error',
      'error',
      'warning',
      'note'
    ]);
  });

  it('adds a descriptor for a rule id only seen in findings, and indexes results into the rules', () => {
    const sarif = parse(
      renderSarif(makeReport([makeFinding({ rule: 'new-rule', severity: 'warning' })]), sampleRules())
    );
    const r = sarif.runs[0]!;
    expect(r.tool.driver.rules[4]).toMatchObject({ id: 'new-rule', defaultConfiguration: { level: 'warning' } });
    expect(r.results[0]).toMatchObject({ ruleId: 'new-rule', ruleIndex: 4 });
  });

  it('maps severities to levels, shadowed findings to note', () => {
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['dev-secret-key', 'error'],
      ['dev-publishable-key', 'error'],
      ['dev-url', 'warning'],
      ['missing-key', 'note'],
      ['dev-secret-key', 'error'],
      ['dev-url', 'warning'],
      ['dev-secret-key', 'note']
    ]);
  });

  it('gives file findings a physical location and others a logical one', () => {
    expect(run.results[0]).toMatchObject({
      message: {
        text: 'CLERK_SECRET_KEY = sk_test_…WXYZ: CLERK_SECRET_KEY holds a development secret key. Fix: Use the production secret key.'
      },
      locations: [
        { physicalLocation: { artifactLocation: { uri: '.env.production' }, region: { startLine: 3, startColumn: 1 } } }
      ]
    });
    expect(run.results[2]!.locations).toEqual([{ logicalLocations: [{ name: 'secrets', kind: 'resource' }] }]);
    expect(run.results[3]!.locations).toEqual([{ logicalLocations: [{ name: 'env', kind: 'resource' }] }]);
    expect(run.results[5]!.locations).toEqual([{ logicalLocations: [{ name: 'vars', kind: 'resource' }] }]);
  });

  it('records suppressions: inSource for an inline comment, external for the ignore option', () => {
    expect(run.results[0]).not.toHaveProperty('suppressions');
    expect(run.results[4]!.suppressions).toEqual([
      {
        kind: 'inSource',
        location: { physicalLocation: { artifactLocation: { uri: '.env' }, region: { startLine: 3 } } }
      }
    ]);
    expect(run.results[5]!.suppressions).toEqual([
      { kind: 'external', justification: 'Ignored with the ignore option.' }
    ]);
  });

  it('writes paths as URI references', () => {
    const report = makeReport([
      makeFinding({ origin: fileOrigin('apps\\web/my app/.env#1', 2, 3) }),
      makeFinding({ origin: fileOrigin('/abs/.env', 1, 1) })
    ]);
    const uris = parse(renderSarif(report, sampleRules())).runs[0]!.results.map(
      (r) =>
        (r.locations as { physicalLocation: { artifactLocation: { uri: string } } }[])[0]!.physicalLocation
          .artifactLocation.uri
    );
    expect(uris).toEqual(['apps/web/my%20app/.env%231', 'file:///abs/.env']);
  });
});
