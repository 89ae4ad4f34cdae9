/**
 * Netlify's answer is data, never trusted markdown: an `admin_url` carrying an `<img>` beacon reaches neither the
 * markdown report (dist/cli.js) nor the job summary (dist/index.js), and the settings page is linked only when it
 * is https on app.netlify.com.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  CANARY_TOKEN,
  SITE_ID,
  SITE_NAME,
  netlifyScenario,
  startFakeNetlify,
  type FakeNetlify
} from '../fakes/netlify-server.js';
import { project } from '../helpers/run-cli.js';
import { runDistAction } from '../helpers/run-dist-action.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

jest.setTimeout(60_000);

const BEACON = 'https://evil.example/beacon.png';
const HOSTILE_ADMIN_URL = `https://evil.example/x"><img src="${BEACON}"><a href="https://evil.example/y`;

const servers: FakeNetlify[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function netlify(adminUrl: string): Promise<FakeNetlify> {
  const base = netlifyScenario();
  const fake = await startFakeNetlify({ ...base, sites: base.sites.map((site) => ({ ...site, adminUrl })) });
  servers.push(fake);
  return fake;
}

/** No HTML, no markdown link or image to anywhere but Netlify's own pages. */
function expectNoForeignMarkup(markdown: string): void {
  expect(markdown).not.toMatch(/<img|<a /i);
  expect(markdown).not.toContain('](https://evil');
  for (const match of markdown.matchAll(/\]\(([^)]*)\)/g)) {
    expect(match[1]).toMatch(/^https:\/\/(app\.netlify\.com|github\.com)\//);
  }
}

describe("Netlify's admin_url", () => {
  const env = (fake: FakeNetlify) => ({ NETLIFY_AUTH_TOKEN: CANARY_TOKEN, NETLIFY_API_URL: fake.apiUrl });

  it('a hostile admin_url is not in the markdown report; the site page on app.netlify.com is linked instead', async () => {
    const fake = await netlify(HOSTILE_ADMIN_URL);
    const dir = await project({});
    const run = await runDistCli(
      dir,
      ['--format', 'markdown', '--clerk-api-url', 'http://127.0.0.1:9', '--netlify-site', SITE_ID],
      { env: env(fake) }
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('dev\\-secret\\-key');
    expectNoForeignMarkup(run.stdout);
    expect(run.stdout).not.toContain('evil.example');
    const page = `https://app.netlify.com/sites/${SITE_NAME}/configuration/env`;
    expect(run.stdout).toContain(`(${page})`);
  });

  it('nor in the job summary of the action', async () => {
    const fake = await netlify(HOSTILE_ADMIN_URL);
    const workspace = await project({});
    const run = await runDistAction(
      workspace,
      { 'clerk-api-url': 'http://127.0.0.1:9', 'netlify-site': SITE_ID },
      { extraEnv: env(fake) }
    );
    expect(run.code).toBe(1);
    expect(run.summary).toContain('dev\\-secret\\-key');
    expectNoForeignMarkup(run.summary);
    expect(run.summary).not.toContain(BEACON);
  });
});
