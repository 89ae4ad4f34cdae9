import { describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readReportFile } from '../../src/github/from-report.js';
import { RULE_METAS } from '../../src/rules/index.js';
import { project } from '../helpers/run-cli.js';

const KEY = `sk_live_${'Q'.repeat(40)}`;

describe('from-report: the locations of build-output, site and host findings', () => {
  it('reads url, host and original locations back, and redacts a key carried in an excerpt or a path', async () => {
    const finding = (location: object, more: object = {}) => ({
      rule: 'bundle-secret-key',
      severity: 'error',
      variable: 'secret key',
      value: 'sk_live_…QQQQ',
      location,
      message: 'm.',
      fix: 'f.',
      ...more
    });
    const report = {
      version: 1,
      environment: 'production',
      passed: false,
      summary: { errors: 3, warnings: 0, notices: 0 },
      sources: [{ kind: 'vercel', project: 'prj_1', target: 'production', variables: 2 }],
      skipped: [],
      findings: [
        finding(
          { file: 'dist/a.js', line: 1, column: 9 },
          { original_location: { file: `src/${KEY}.ts`, line: 3, column: 4 }, excerpt: `x="${KEY}"` }
        ),
        finding({ url: 'https://example.com/a.js', line: 1, column: 2 }),
        finding({ source: 'vercel', project: 'prj_1', target: 'production' })
      ],
      checks: []
    };
    const dir = await project({});
    await writeFile(join(dir, 'report.json'), JSON.stringify(report));
    const read = await readReportFile('report.json', dir, RULE_METAS);
    expect(read.findings.map((f) => f.origin)).toEqual([
      { kind: 'file', file: 'dist/a.js', line: 1, column: 9 },
      { kind: 'url', url: 'https://example.com/a.js', line: 1, column: 2 },
      { kind: 'host', host: 'vercel', project: 'prj_1', target: 'production' }
    ]);
    expect(read.findings[0]?.excerpt).toBe('x="sk_live_…QQQQ"');
    expect(read.findings[0]?.original).toEqual({ file: 'src/sk_live_…QQQQ.ts', line: 3, column: 4 });
    expect(read.sources).toEqual([
      { kind: 'host', host: 'vercel', project: 'prj_1', target: 'production', variables: 2 }
    ]);
    expect(JSON.stringify(read)).not.toContain(KEY);
  });
});
