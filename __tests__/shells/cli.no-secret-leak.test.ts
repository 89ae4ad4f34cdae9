import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { DEV_HOST, fakeSecret, publishableKey } from '../helpers/keys.js';
import { runAction } from '../helpers/run-action.js';
import { cli, project } from '../helpers/run-cli.js';

/**
 * Canary secrets planted in every source. Each has a unique middle that must never appear in any
 * output; only a redacted form (prefix + … + last 4) may.
 */
const CANARIES = {
  dotenvSecretKey: fakeSecret('sk_test_', 'DotenvSecretKey', 1),
  dotenvPlaceholder: fakeSecret('', 'PlaceholderNotAKey', 2),
  dotenvPublicSecret: fakeSecret('sk_live_', 'PublicSecret', 3),
  dotenvPem: fakeSecret('', 'PemBodyLine', 4),
  varsWebhook: fakeSecret('whsec_', 'VarsWebhookSecret', 5),
  secretsSecretKey: fakeSecret('sk_test_', 'SecretsSecretKey', 6),
  secretsUnrelated: fakeSecret('', 'SecretsDatabasePassword', 7),
  envLegacyKey: fakeSecret('test_', 'EnvLegacyApiKey', 8),
  envTestingToken: fakeSecret('', 'EnvTestingToken', 9)
};

/** The part of each canary that redaction must never reveal: everything but a known prefix and the last 4. */
const HIDDEN = Object.values(CANARIES).map((value) =>
  value.replace(/^(sk_test_|sk_live_|whsec_|test_)/, '').slice(0, -4)
);

function expectNoCanary(where: string, text: string): void {
  for (const hidden of HIDDEN) {
    expect([where, text.includes(hidden) ? hidden : null]).toEqual([where, null]);
  }
}

async function plantedProject(): Promise<string> {
  return project({
    'package.json': JSON.stringify({ dependencies: { next: '15.0.0' } }),
    '.env': [
      `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(DEV_HOST)}`,
      `CLERK_SECRET_KEY=${CANARIES.dotenvSecretKey}`,
      `NEXT_PUBLIC_CLERK_SECRET_KEY=${CANARIES.dotenvPublicSecret}`,
      `CLERK_JWT_KEY="-----BEGIN PUBLIC KEY-----\n${CANARIES.dotenvPem}\n-----END PUBLIC KEY-----"`,
      'stray line with no equals sign ' + CANARIES.dotenvPlaceholder
    ].join('\n'),
    '.env.production': `CLERK_API_KEY=${CANARIES.dotenvPlaceholder}\n`,
    'vars.json': JSON.stringify({ VITE_CLERK_WEBHOOK_SECRET: CANARIES.varsWebhook }),
    'secrets.json': JSON.stringify({
      CLERK_SECRET_KEY: CANARIES.secretsSecretKey,
      DB_PASSWORD: CANARIES.secretsUnrelated
    }),
    'broken-secrets.json': `{"CLERK_SECRET_KEY": "${CANARIES.secretsSecretKey}", oops}`
  });
}

const plantedEnv = {
  CLERK_API_KEY: CANARIES.envLegacyKey,
  CLERK_TESTING_TOKEN: CANARIES.envTestingToken
};

describe('no secret value in any output', () => {
  it('the canaries really are found (so the absence checks below mean something)', async () => {
    const dir = await plantedProject();
    const run = await cli(
      dir,
      ['--format', 'json', '--vars-json', 'vars.json', '--secrets-json', 'secrets.json', '--scan-process-env'],
      plantedEnv
    );
    const rules = new Set(JSON.parse(run.stdout).findings.map((f: { rule: string }) => f.rule));
    for (const rule of ['dev-secret-key', 'invalid-key', 'secret-in-public-variable', 'dev-only-setting']) {
      expect([rule, rules.has(rule)]).toEqual([rule, true]);
    }
  });

  it.each(['text', 'json', 'markdown', 'sarif'])('CLI --format %s: stdout and stderr', async (format) => {
    const dir = await plantedProject();
    const run = await cli(
      dir,
      ['--format', format, '--vars-json', 'vars.json', '--secrets-json', 'secrets.json', '--scan-process-env'],
      { ...plantedEnv, FORCE_COLOR: '1' }
    );
    expect(run.code).toBe(1);
    expectNoCanary(`${format} stdout`, run.stdout);
    expectNoCanary(`${format} stderr`, run.stderr);
  });

  it('CLI error message for broken secrets JSON', async () => {
    const dir = await plantedProject();
    const run = await cli(dir, ['--secrets-json', 'broken-secrets.json']);
    expect(run.code).toBe(2);
    expectNoCanary('stderr', run.stderr);
  });

  it('action: log, annotations, job summary, outputs and report file; every secret is masked first', async () => {
    const dir = await plantedProject();
    const result = await runAction(
      dir,
      {
        'vars-json': await readFile(`${dir}/vars.json`, 'utf8'),
        'secrets-json': await readFile(`${dir}/secrets.json`, 'utf8'),
        'scan-process-env': 'true'
      },
      plantedEnv
    );
    expect(result.code).toBe(1);
    const maskLines = result.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'));
    const otherLines = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expectNoCanary('log', otherLines.join('\n'));
    expectNoCanary('summary', result.summary);
    expectNoCanary('outputs', JSON.stringify(result.outputs));
    expectNoCanary('report file', await readFile(result.reportFile, 'utf8'));
    const masked = maskLines.map((line) => line.slice('::add-mask::'.length));
    for (const secret of [
      CANARIES.dotenvSecretKey,
      CANARIES.dotenvPublicSecret,
      CANARIES.dotenvPem,
      CANARIES.dotenvPlaceholder,
      CANARIES.varsWebhook,
      CANARIES.secretsSecretKey,
      CANARIES.secretsUnrelated,
      CANARIES.envLegacyKey,
      CANARIES.envTestingToken
    ]) {
      expect([secret, masked.includes(secret)]).toEqual([secret, true]);
    }
    // Masking comes before any other output.
    expect(result.stdout.indexOf('::add-mask::')).toBe(0);
  });
});
