import { describe, expect, it } from '@jest/globals';
import { renderDiagnostics } from '../../src/reporters/diagnostics.js';
import { makeReport } from '../helpers/sample-report.js';

const note = 'line is not a NAME=value definition; dotenv ignores it';

describe('renderDiagnostics', () => {
  it('folds consecutive lines of one file into a range and counts what was left out', () => {
    const report = {
      ...makeReport([]),
      diagnostics: [
        { file: '.env', line: 5, message: note },
        { file: '.env', line: 6, message: note },
        { file: '.env', line: 7, message: note },
        { file: '.env', line: 9, message: note },
        { file: 'apps/web/.env', line: 10, message: note }
      ],
      diagnosticsOmitted: 3
    };
    expect(renderDiagnostics(report).split('\n')).toEqual([
      `.env:5-7: note: ${note}`,
      `.env:9: note: ${note}`,
      `apps/web/.env:10: note: ${note}`,
      'note: 3 more lines that dotenv ignores are not listed',
      ''
    ]);
  });

  it('prints nothing when every line was understood', () => {
    expect(renderDiagnostics({ ...makeReport([]), diagnostics: [] })).toBe('');
  });
});
