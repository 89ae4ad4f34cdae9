import { describe, expect, it } from '@jest/globals';
import { toJsonFinding, toJsonReport } from '../../src/reporters/json.js';
import { buildOutputs } from '../../src/reporters/outputs.js';
import { makeReport, manyFindings } from '../helpers/sample-report.js';

describe('buildOutputs', () => {
  it('gives string outputs, findings as the compact JSON report findings', () => {
    const report = makeReport();
    const outputs = buildOutputs(report, '/tmp/report.json');
    expect(Object.keys(outputs)).toEqual(['passed', 'errors', 'warnings', 'findings', 'report-file', 'incomplete']);
    expect(outputs).toMatchObject({ passed: 'false', errors: '3', warnings: '1', 'report-file': '/tmp/report.json' });
    expect(outputs.findings).not.toContain('\n');
    expect(JSON.parse(outputs.findings)).toEqual(toJsonReport(report).findings);
  });

  it('says true and [] for a clean report', () => {
    expect(buildOutputs(makeReport([]), 'r.json')).toEqual({
      passed: 'true',
      errors: '0',
      warnings: '0',
      findings: '[]',
      'report-file': 'r.json',
      incomplete: ''
    });
  });

  it('names the checks that could not read everything', () => {
    const report = makeReport([]);
    report.checks.push(
      { id: 'deployed-dev-instance', title: 'Dev instance', status: 'incomplete', detail: '50 of 60 scripts read' },
      { id: 'deployed-secret-key', title: 'Secret key', status: 'incomplete', detail: '50 of 60 scripts read' }
    );
    expect(buildOutputs(report, 'r.json').incomplete).toBe('deployed-dev-instance,deployed-secret-key');
  });
});

describe('findings output size', () => {
  it('keeps the most severe findings that fit under the byte cap, as valid JSON', () => {
    const report = makeReport(manyFindings(5000));
    const outputs = buildOutputs(report, '/tmp/report.json', 10_000);
    expect(Buffer.byteLength(outputs.findings)).toBeLessThanOrEqual(10_000);
    const kept = JSON.parse(outputs.findings);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(5000);
    expect(kept[0]).toEqual(JSON.parse(JSON.stringify(toJsonFinding(report.findings[0]!))));
  });
});
