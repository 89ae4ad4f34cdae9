/**
 * `from-report` redacts every string of the report, whatever its field: a full live key put into `environment`,
 * a finding's `rule` and a check's `id` (fields no reporter escapes away) reaches neither the comment, the job
 * summary, the log nor the outputs of the shipped action (dist/index.js).
 */
import { describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { project } from '../helpers/run-cli.js';
import { expectVerdict, gate, sentBodies, unescapeMarkdown, withFakeGitHub } from './on-github.js';

jest.setTimeout(60_000);

/** A full live secret key, made at run time (nothing key-shaped is committed). */
const liveKey = (tail: string): string =>
  `sk_live_${randomBytes(30)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')}${tail}`;

describe('from-report redacts every field', () => {
  it('a key in environment, rule or a check id is shown redacted everywhere', async () => {
    const inEnvironment = liveKey('Ee1');
    const inRule = liveKey('Rr2');
    const inCheck = liveKey('Cc3');
    const report = {
      version: 1,
      environment: `production-${inEnvironment}`,
      production: true,
      passed: false,
      summary: { errors: 1, warnings: 0, notices: 0 },
      sources: [],
      skipped: [],
      findings: [
        {
          rule: inRule,
          severity: 'error',
          variable: 'CLERK_SECRET_KEY',
          value: 'sk_test_…WXYZ',
          location: { file: '.env', line: 1, column: 1 },
          message: 'CLERK_SECRET_KEY holds a development secret key.',
          fix: 'Use the production key.'
        }
      ],
      checks: [{ id: inCheck, status: 'fail', detail: 'failed' }]
    };
    const workspace = await project({ 'report.json': JSON.stringify(report) });
    await withFakeGitHub(undefined, async (gh) => {
      const run = await gate(gh, workspace, { 'from-report': 'report.json' });
      await expectVerdict(run, 1);
      const bodies = sentBodies(gh);
      expect(bodies).toHaveLength(1);
      const places = {
        comment: unescapeMarkdown(bodies.join('\n')),
        summary: unescapeMarkdown(run.summary),
        stdout: run.stdout,
        stderr: run.stderr,
        outputs: JSON.stringify(run.outputs)
      };
      // Not vacuous: each field is shown, redacted (prefix + … + last 4).
      const shown = unescapeMarkdown(run.summary);
      for (const key of [inEnvironment, inRule, inCheck]) expect(shown).toContain(`sk_live_…${key.slice(-4)}`);
      for (const key of [inEnvironment, inRule, inCheck]) {
        const middle = key.slice('sk_live_'.length, -4);
        const leaked = Object.entries(places)
          .filter(([, text]) => text.includes(middle))
          .map(([place]) => place);
        expect(leaked).toEqual([]);
      }
    });
  });
});
