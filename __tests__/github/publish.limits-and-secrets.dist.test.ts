/**
 * The comment's limits and the secrets, end to end: 2,000 findings fit GitHub's 65,536 characters (the rest named
 * as left out, pointing to the job summary, itself within 1 MiB), and no secret from any source (a dotenv file,
 * `vars-json`, `secrets-json`, the step's environment) nor the GitHub token reaches the comment, the summary, the
 * outputs, the report or the log, other than the `::add-mask::` lines that register them; the token travels only in
 * the Authorization header.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { DEV_HOST, fakeSecret, publishableKey } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import {
  executed,
  expectVerdict,
  gate,
  manyFindingsEnv,
  onlyComment,
  section,
  sentBodies,
  unescapeMarkdown,
  warnings,
  withFakeGitHub
} from './on-github.js';

const TIMEOUT = 90_000;
const COMMENT_MAX = 65_536;
const SUMMARY_MAX = 1024 * 1024;

describe('2,000 findings', () => {
  it.concurrent(
    'a comment of at most 65,536 characters that says findings were left out, and a summary within 1 MiB',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const workspace = await project({ '.env': manyFindingsEnv(2000) });
        const run = await gate(gh, workspace);
        await expectVerdict(run, 1);
        expect(run.outputs.errors).toBe('2000');

        const [body, ...more] = sentBodies(gh);
        expect(more).toEqual([]);
        expect(gh.requestsTo('comment-create').map((r) => r.status)).toEqual([201]);
        expect(body?.length).toBeLessThanOrEqual(COMMENT_MAX);
        expect(onlyComment(gh).body).toBe(body);

        // The table shows the first findings; the line below it counts the others and says where they are.
        const findings = section(body ?? '', 'Findings');
        const rows = findings.filter((line) => line.startsWith('| ❌ |'));
        expect(rows.length).toBeGreaterThan(50);
        const left = findings.map((line) => /^…and (\d+) more findings, left out for length: see (.*)\.$/.exec(line));
        const note = left.find((match) => match !== null);
        expect(note?.[2]).toBe('the job summary');
        // 2,000 dev-secret-key errors and the missing-key warning (no publishable key).
        expect(rows.length + Number(note?.[1])).toBe(2001);

        expect(Buffer.byteLength(run.summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX);
        expect(run.summary).toContain('## ❌ Clerk production gate: failed');
        expect(warnings(run)).toEqual([]);
      });
    },
    TIMEOUT
  );
});

describe('no secret leaves the runner', () => {
  it.concurrent(
    'canaries in a dotenv file, vars-json, secrets-json, the step environment and the token: masked, shown nowhere',
    async () => {
      await withFakeGitHub(undefined, async (gh) => {
        const canaries = {
          dotenvSecretKey: fakeSecret('sk_test_', 'DotenvCanary', 1),
          dotenvWebhook: fakeSecret('whsec_', 'WebhookCanary', 2),
          varsSecretKey: fakeSecret('sk_test_', 'VarsCanary', 3),
          secretsSecretKey: fakeSecret('sk_live_', 'SecretsCanary', 4),
          secretsPassword: fakeSecret('', 'DbPasswordCanary', 5),
          envSecretKey: fakeSecret('sk_test_', 'StepEnvCanary', 6)
        };
        const token = gh.tokens.actions;
        const workspace = await project({
          '.env': [
            `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}`,
            `CLERK_SECRET_KEY=${canaries.dotenvSecretKey}`,
            `CLERK_WEBHOOK_SECRET=${canaries.dotenvWebhook}`
          ].join('\n')
        });
        const run = await gate(
          gh,
          workspace,
          {
            'vars-json': JSON.stringify({ NEXT_PUBLIC_CLERK_SECRET_KEY: canaries.varsSecretKey }),
            'secrets-json': JSON.stringify({
              CLERK_SECRET_KEY: canaries.secretsSecretKey,
              DATABASE_PASSWORD: canaries.secretsPassword
            }),
            'scan-process-env': 'true'
          },
          { env: { BACKEND_CLERK_SECRET_KEY: canaries.envSecretKey } }
        );
        await expectVerdict(run, 1);

        // The findings are there (so the test is not vacuous), with their values redacted. The dotenv key is
        // shadowed by secrets: the comment folds it with the reason, the JSON report keeps its redacted value.
        const comment = onlyComment(gh).body;
        const shown = unescapeMarkdown(comment);
        for (const expected of [
          'dev-secret-key',
          'secret-in-public-variable',
          'key-environment-mismatch',
          'sk_test_…0003',
          'sk_test_…0006',
          'shadowed by secrets'
        ]) {
          expect(shown).toContain(expected);
        }
        expect(run.outputs.findings).toContain('sk_test_\u20260001');

        // Every secret, and the token, registered with the runner's masking.
        const masked = executed(run, 'add-mask').map((c) => c.data);
        for (const [name, value] of Object.entries({ ...canaries, token })) {
          expect({ name, masked: masked.includes(value) }).toEqual({ name, masked: true });
        }

        const report = await readFile(run.reportFile, 'utf8');
        const log = (text: string): string =>
          text
            .split(/\r?\n/)
            .filter((line) => !line.startsWith('::add-mask::'))
            .join('\n');
        const places: Record<string, string> = {
          'comment (as sent)': sentBodies(gh).join('\n'),
          'comment (as shown)': shown,
          summary: run.summary,
          'summary (as shown)': unescapeMarkdown(run.summary),
          outputs: JSON.stringify(run.outputs),
          report,
          stdout: log(run.stdout),
          stderr: run.stderr,
          'check runs': JSON.stringify(gh.checkRuns())
        };
        const leaked: string[] = [];
        for (const [name, value] of Object.entries({ ...canaries, token })) {
          // The whole value, and its middle (what redaction hides: all but a known prefix and the last 4).
          const middle = value.slice(value.indexOf('Fake'), -4);
          for (const [place, text] of Object.entries(places)) {
            if (text.includes(middle)) leaked.push(`${name} in ${place}`);
          }
        }
        expect(leaked).toEqual([]);

        // The token travels in the Authorization header only: no body, URL or other header carries it.
        expect(gh.requests.length).toBeGreaterThan(0);
        for (const request of gh.requests) {
          expect(request.authorization).toBe(`token ${token}`);
          const headers = Object.entries(request.headers).filter(([name]) => name !== 'authorization');
          const elsewhere = [request.rawBody, request.url, JSON.stringify(headers)].join('\n');
          expect(elsewhere.includes(token) || elsewhere.includes(token.slice(4, -4))).toBe(false);
          for (const value of Object.values(canaries)) expect(request.rawBody.includes(value)).toBe(false);
        }
      });
    },
    TIMEOUT
  );
});
