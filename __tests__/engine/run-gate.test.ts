import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGate } from '../../src/engine/run-gate.js';
import { renderJson } from '../../src/reporters/json.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';

/**
 * `VITE_CLERK_PUBLISHABLE_KEY=$CLERK_PUBLISHABLE_KEY` in `.env.production`, with the key in vars, secrets or the
 * process environment: Vite's loadEnv, @next/env and dotenv-expand expand against process.env, so the gate does too.
 */
let app: string;
const VITE = JSON.stringify({ devDependencies: { vite: '6.0.0' } });

beforeAll(() => {
  app = mkdtempSync(path.join(tmpdir(), 'cpg-runtime-expansion-'));
  writeFileSync(path.join(app, 'package.json'), VITE);
  writeFileSync(path.join(app, '.env.production'), 'VITE_CLERK_PUBLISHABLE_KEY=$CLERK_PUBLISHABLE_KEY\n');
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

const json = (text: string): { label: string; text: string } => ({ label: 'input', text });

describe('expansion against the runtime sources', () => {
  it.each([
    ['vars-json', { varsJson: json(JSON.stringify({ CLERK_PUBLISHABLE_KEY: publishableKey(PROD_HOST, 'live') })) }],
    [
      'secrets-json',
      { secretsJson: json(JSON.stringify({ CLERK_PUBLISHABLE_KEY: publishableKey(PROD_HOST, 'live') })) }
    ],
    [
      'process env',
      { processEnv: [['CLERK_PUBLISHABLE_KEY', publishableKey(PROD_HOST, 'live')]] as [string, string][] }
    ]
  ])('a production key in %s reaches the file reference: no invalid-key, the gate passes', async (_, sources) => {
    const { report } = await runGate({ cwd: app, paths: ['.'], offline: true, ...sources });
    expect(report.findings.map((f) => f.rule)).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('a development key in secrets is found through the reference, and the finding says where it came from', async () => {
    const { report } = await runGate({
      cwd: app,
      paths: ['.'],
      offline: true,
      secretsJson: json(JSON.stringify({ CLERK_PUBLISHABLE_KEY: publishableKey(DEV_HOST) }))
    });
    const onFile = report.findings.find((f) => f.variable === 'VITE_CLERK_PUBLISHABLE_KEY');
    expect(onFile).toMatchObject({
      rule: 'dev-publishable-key',
      severity: 'error',
      origin: { kind: 'file', file: '.env.production', line: 1 },
      expandedFrom: [{ name: 'CLERK_PUBLISHABLE_KEY', origin: { kind: 'secrets' } }]
    });
    expect(onFile?.message).toBe(
      `VITE_CLERK_PUBLISHABLE_KEY holds a development publishable key (instance ${DEV_HOST}). ` +
        'Its value is expanded from ${CLERK_PUBLISHABLE_KEY} (secrets).'
    );
    const finding = JSON.parse(renderJson(report)).findings.find(
      (f: { variable: string }) => f.variable === 'VITE_CLERK_PUBLISHABLE_KEY'
    );
    expect(finding.expanded_from).toEqual([{ variable: 'CLERK_PUBLISHABLE_KEY', location: { source: 'secrets' } }]);
  });

  it('takes the runtime value with the runtime precedence: env over secrets over vars', async () => {
    const { report } = await runGate({
      cwd: app,
      paths: ['.'],
      offline: true,
      varsJson: json(JSON.stringify({ CLERK_PUBLISHABLE_KEY: publishableKey(DEV_HOST) })),
      secretsJson: json(JSON.stringify({ CLERK_PUBLISHABLE_KEY: publishableKey(PROD_HOST, 'live') })),
      processEnv: [['CLERK_PUBLISHABLE_KEY', publishableKey('other-fox-01.clerk.accounts.dev')]]
    });
    const onFile = report.findings.find((f) => f.variable === 'VITE_CLERK_PUBLISHABLE_KEY');
    expect(onFile?.message).toContain('other-fox-01.clerk.accounts.dev');
    expect(onFile?.expandedFrom).toEqual([{ name: 'CLERK_PUBLISHABLE_KEY', origin: { kind: 'env' } }]);
  });

  it('a file definition that the runtime shadows is still expanded on its own, as a notice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cpg-runtime-expansion-shadow-'));
    writeFileSync(path.join(dir, '.env'), `HOST=${DEV_HOST}\nCLERK_FRONTEND_API=$HOST\n`);
    const { report } = await runGate({
      cwd: dir,
      paths: ['.env'],
      offline: true,
      secretsJson: json(JSON.stringify({ CLERK_FRONTEND_API: PROD_HOST, CLERK_SECRET_KEY: secretKey('live') }))
    });
    rmSync(dir, { recursive: true, force: true });
    const shadowed = report.findings.find((f) => f.variable === 'CLERK_FRONTEND_API');
    expect(shadowed).toMatchObject({ rule: 'dev-frontend-api', severity: 'notice', shadowedBy: { kind: 'secrets' } });
    expect(shadowed?.value).toBe(DEV_HOST);
    expect(shadowed?.message).toContain('Its value is expanded from ${HOST} (.env:1:1).');
  });
});
