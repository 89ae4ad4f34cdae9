import { describe, expect, it } from '@jest/globals';
import { toJsonReport } from '../../src/reporters/json.js';
import { buildOutputs } from '../../src/reporters/outputs.js';
import { makeReport } from '../helpers/sample-report.js';

describe('buildOutputs', () => {
  it('gives string outputs, findings as the compact JSON report findings', () => {
    const report = makeReport();
    const outputs = buildOutputs(report, '/tmp/report.json');
    expect(Object.keys(outputs)).toEqual(['passed', 'errors', 'warnings', 'findings', 'report-file']);
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
      'report-file': 'r.json'
    });
  });
});
