/**
 * One scrubber knows every secret of the run, through dist/index.js: the fake Vercel API refuses the variable list
 * with an error message that echoes another service's secret (the GitHub token, the Clerk secret key the project's
 * dotenv file holds, the Vercel bypass secret), raw, percent-encoded or in base64. None of it reaches stdout, stderr,
 * the job summary, the JSON report or the outputs; the message itself is shown, with the secret redacted.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { redact } from '../../src/core/redact.js';
import { PROJECT_ID, startFakeVercel, TEAM, vercelScenario, type FakeVercel } from '../fakes/vercel-server.js';
import { fakeSecret } from '../helpers/keys.js';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { actionBundleOptions } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const GITHUB_TOKEN = `ghs_${'ScrubCanaryGitHubToken'.padEnd(36, '7')}`;
const CLERK_SECRET = fakeSecret('sk_live_', 'ScrubCanary', 7);
/** A bypass secret with characters that percent-encoding changes. */
const BYPASS = 'bypass+Scrub/Canary=0123456789ab';

let fake: FakeVercel | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("a server's error echoing another service's secret", () => {
  it.each([
    ['the GitHub token, raw', GITHUB_TOKEN, (s: string) => s],
    ['the GitHub token, base64', GITHUB_TOKEN, (s: string) => Buffer.from(s).toString('base64')],
    ['the Clerk secret key, raw', CLERK_SECRET, (s: string) => s],
    ['the Clerk secret key, base64url', CLERK_SECRET, (s: string) => Buffer.from(s).toString('base64url')],
    ['the bypass secret, percent-encoded', BYPASS, (s: string) => encodeURIComponent(s)]
  ])('%s: redacted in every output', async (_what, secret, form) => {
    const echoed = form(secret);
    const scenario = vercelScenario();
    fake = await startFakeVercel({
      ...scenario,
      faults: { list: { status: 400, body: { error: { code: 'bad_request', message: `echo ${echoed} end` } } } }
    });
    const workspace = await project({
      'package.json': '{"dependencies":{"next":"15.0.0"}}',
      '.env.production': `CLERK_SECRET_KEY=${CLERK_SECRET}\n`
    });
    const run = await runDistAction(
      workspace,
      {
        'clerk-api-url': 'http://127.0.0.1:9',
        'vercel-project': PROJECT_ID,
        'vercel-team': TEAM.id,
        'vercel-protection-bypass': BYPASS,
        'on-api-error': 'warn'
      },
      {
        ...actionBundleOptions(),
        githubToken: GITHUB_TOKEN,
        extraEnv: { VERCEL_TOKEN: scenario.token, VERCEL_API_URL: fake.url },
        timeoutMs: 45_000
      }
    );
    expect(run.signal).toBeNull();
    expect([0, 1]).toContain(run.code);
    const stdout = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const places = {
      stdout,
      stderr: run.stderr,
      summary: run.summary,
      report: await readFile(run.reportFile, 'utf8'),
      outputs: JSON.stringify(run.outputs)
    };
    for (const [place, text] of Object.entries(places)) {
      expect([place, text.includes(echoed)]).toEqual([place, false]);
      expect([place, text.includes(secret)]).toEqual([place, false]);
    }
    // Not vacuous: Vercel's message is in the report, the secret in it redacted.
    // (The report file writes `…` as \u2026; parsed and written again, it is the character.)
    expect(JSON.stringify(JSON.parse(places.report))).toContain(`echo ${redact(secret)}`);
  });
});
