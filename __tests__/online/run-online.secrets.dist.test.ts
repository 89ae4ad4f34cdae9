/**
 * Keys never leak, through either shipped bundle: the secret key, the Platform key and every Authorization value
 * the fake received stay out of stdout, stderr, the JSON and text reports, and (the action) the outputs, the job
 * summary, the report file and the annotations; only `::add-mask::` lines carry them. Canary keys are used where
 * the fake's error message quotes them. Also: the API URL a key may be sent to, and TLS to it.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile, rm } from 'node:fs/promises';
import {
  healthyProduction,
  KEYS,
  platformIncomplete,
  startFakeClerk,
  withFaults,
  type Scenario
} from '../fakes/clerk-server.js';
import type { ClerkError } from '../fakes/clerk-responses.js';
import { untrustedCertificate } from '../fakes/test-ca.js';
import { fakeSecret } from '../helpers/keys.js';
import {
  checkOf,
  findingsOf,
  instanceVariables,
  leaks,
  onlineProject,
  runOnlineCli,
  type OnlineWorld,
  inWorld
} from '../helpers/online-world.js';
import { crashLines, runDistAction, type DistActionRun } from '../helpers/run-dist-action.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

const TIMEOUT = 60_000;

/** Keys no scenario of the fake knows: only these tests use them, so any trace of them is a leak from here. */
const CANARY = {
  secret: fakeSecret('sk_live_', 'CanarySecret', 7),
  platform: fakeSecret('ak_', 'CanaryPlatform', 7)
};

/** The keys, and every Authorization value the fake received: none may be shown anywhere. */
function secretsOf(world: OnlineWorld, keys: readonly string[]): string[] {
  const sent = world.clerk.requests.map((r) => r.headers.authorization).filter((v): v is string => v !== undefined);
  return [...new Set([...keys, ...sent])];
}

/** An error body entry that quotes `key`, as a careless server might: in the message and in a header echo. */
function quoting(code: string, key: string): ClerkError {
  return {
    code,
    message: `Key ${key} refused`,
    long_message: `The key ${key} was refused (Authorization: Bearer ${key}).`
  };
}

/** The scenario answering only the canary keys, the instance refusing (401) and the Platform domain forbidding
 * (403) with errors that quote the key each was given. */
function echoingScenario(): Scenario {
  return withFaults(
    { ...healthyProduction(), secretKey: CANARY.secret, platformKey: CANARY.platform },
    {
      instance: { kind: 'status', status: 401, errors: [quoting('key_revoked', CANARY.secret)] },
      domains: { kind: 'status', status: 503, errors: [quoting('unavailable_for_key', CANARY.secret)] },
      platformDomain: { kind: 'status', status: 403, errors: [quoting('workspace_forbidden', CANARY.platform)] }
    }
  );
}

function canaryVariables(world: OnlineWorld): Record<string, string> {
  return {
    CLERK_SECRET_KEY: CANARY.secret,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: world.clerk.publishableKey,
    CLERK_PLATFORM_API_KEY: CANARY.platform
  };
}

/** `sk_live_…0007`: how a key is shown (prefix, ellipsis, last four). */
const shown = (key: string): string => `${key.startsWith('ak_') ? 'ak_' : 'sk_live_'}…${key.slice(-4)}`;

describe('the CLI never shows a key', () => {
  it.concurrent(
    'error messages that quote the canary keys are scrubbed (JSON and text reports)',
    () =>
      inWorld(echoingScenario(), {}, async (world) => {
        const json = await runOnlineCli(world, canaryVariables(world), ['--on-api-error', 'warn']);
        expect(crashLines(json)).toEqual([]);
        // A refused key is an error whatever on-api-error says; the 503 follows it.
        expect(json.code).toBe(1);
        const messages = findingsOf(json.report, 'clerk-api-error').map((f) => [f.severity, f.message]);
        expect(messages).toEqual(
          expect.arrayContaining([
            [
              'error',
              `GET ${world.clerk.url}/v1/instance: HTTP 401, key_revoked: The key ${shown(CANARY.secret)} was refused (Authorization: Bearer ${shown(CANARY.secret)}). (Clerk trace id ${world.clerk.requestsTo('instance')[0]?.traceId}).`
            ],
            ['warning', expect.stringContaining(`GET ${world.clerk.url}/v1/domains: HTTP 503, unavailable_for_key: `)],
            [
              'error',
              expect.stringContaining(
                `GET ${world.clerk.url}/v1/platform/domains/example.test: HTTP 403, workspace_forbidden: The key ${shown(CANARY.platform)} was refused`
              )
            ]
          ])
        );
        expect(messages).toHaveLength(3);

        const project = await onlineProject(canaryVariables(world));
        try {
          const text = await runDistCli(project.dir, [...world.flags, '--no-color', '.'], { env: world.env });
          expect(text.code).toBe(1);
          expect(text.stdout).toContain('clerk-api-error');
          const secrets = secretsOf(world, [CANARY.secret, CANARY.platform]);
          expect(secrets.length).toBeGreaterThan(2);
          expect(leaks({ stdout: json.stdout, stderr: json.stderr }, secrets)).toEqual([]);
          expect(leaks({ text: text.stdout, textStderr: text.stderr }, secrets)).toEqual([]);
        } finally {
          await project.remove();
        }
      }),
    TIMEOUT
  );

  it.concurrent(
    'canary keys the fake does not know: 401 from Clerk, an error even with --on-api-error warn, no key shown',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const run = await runOnlineCli(world, canaryVariables(world), ['--on-api-error', 'warn']);
        expect(crashLines(run)).toEqual([]);
        expect(run.code).toBe(1);
        const failures = findingsOf(run.report, 'clerk-api-error');
        expect(failures.map((f) => [f.severity, f.value])).toEqual([
          ['error', 'HTTP 401'],
          ['error', 'HTTP 401'],
          ['error', 'HTTP 401']
        ]);
        expect(failures.map((f) => f.variable).sort()).toEqual(
          [
            `GET ${world.clerk.url}/v1/domains`,
            `GET ${world.clerk.url}/v1/instance`,
            `GET ${world.clerk.url}/v1/platform/domains/example.test`
          ].sort()
        );
        // The canaries were sent (to the fake on loopback), and appear nowhere in what the gate printed.
        expect(world.clerk.requestsTo('instance')[0]?.headers.authorization).toBe(`Bearer ${CANARY.secret}`);
        const secrets = secretsOf(world, [CANARY.secret, CANARY.platform]);
        expect(leaks({ stdout: run.stdout, stderr: run.stderr }, secrets)).toEqual([]);
      }),
    TIMEOUT
  );

  it.concurrent(
    'an API whose certificate no authority signed: clerk-api-error (TLS) for each call, and the key is never sent',
    () =>
      inWorld(healthyProduction(), { tls: untrustedCertificate() }, async (world) => {
        const run = await runOnlineCli(world, instanceVariables(world));
        expect(crashLines(run)).toEqual([]);
        expect(run.code).toBe(1);
        const reason = 'TLS verification failed: its TLS certificate is self-signed';
        expect(
          findingsOf(run.report, 'clerk-api-error')
            .map((f) => f.message)
            .sort()
        ).toEqual(
          [
            `GET ${world.clerk.url}/v1/domains: ${reason}.`,
            `GET ${world.clerk.url}/v1/instance: ${reason}.`,
            `GET ${world.clerk.url}/v1/platform/domains/example.test: ${reason}.`
          ].sort()
        );
        expect(findingsOf(run.report, 'frontend-api-unreachable')).toEqual([
          expect.objectContaining({ message: `${world.clerk.frontendApiHost} does not answer: ${reason}.` })
        ]);
        // The handshake failed before any request: the key never left the gate.
        expect(world.clerk.requests).toEqual([]);
        expect(leaks({ stdout: run.stdout, stderr: run.stderr }, [KEYS.live, KEYS.platform])).toEqual([]);
      }),
    TIMEOUT
  );

  it.concurrent(
    '--clerk-api-url http://example.com (not loopback): exit 2, one line naming --clerk-api-url, nothing asked',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const project = await onlineProject(instanceVariables(world));
        try {
          const run = await runDistCli(
            project.dir,
            ['--clerk-api-url', 'http://example.com', '--dns-servers', world.dns.address, '.'],
            { env: world.env }
          );
          expect(run.code).toBe(2);
          expect(run.stdout).toBe('');
          const lines = run.stderr.trimEnd().split('\n');
          expect(lines).toHaveLength(1);
          expect(lines[0]).toMatch(/^clerk-production-gate: --clerk-api-url: must be an https:\/\/ URL/);
          expect(lines[0]).not.toContain('example.com');
          expect(crashLines(run)).toEqual([]);
          expect(world.clerk.requests).toEqual([]);
          expect(world.dns.queries).toEqual([]);
          expect(leaks({ stdout: run.stdout, stderr: run.stderr }, [KEYS.live, KEYS.platform])).toEqual([]);
        } finally {
          await project.remove();
        }
      }),
    TIMEOUT
  );

  it.concurrent(
    '--clerk-api-url http://127.0.0.1:PORT (loopback): allowed, the Backend API is asked over plain HTTP',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const plain = await startFakeClerk(healthyProduction());
        try {
          expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
          const run = await runOnlineCli(
            { ...world, flags: ['--clerk-api-url', plain.url, '--dns-servers', world.dns.address] },
            instanceVariables(world)
          );
          expect(crashLines(run)).toEqual([]);
          expect(run.code).toBe(0);
          expect(plain.requestsTo('instance')).toHaveLength(1);
          // The Frontend API is the publishable key's host (the HTTPS fake), never the API URL.
          expect(world.clerk.requestsTo('environment')).toHaveLength(1);
          expect(plain.requestsTo('environment')).toEqual([]);
          expect(checkOf(run.report, 'clerk-api-error').status).toBe('pass');
        } finally {
          await plain.close();
        }
      }),
    TIMEOUT
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The action bundle

interface ActionRun {
  run: DistActionRun;
  report: string;
}

async function runAction(
  world: OnlineWorld,
  variables: Record<string, string>,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  const project = await onlineProject(variables);
  let run: DistActionRun | undefined;
  try {
    run = await runDistAction(project.dir, { ...world.inputs, 'env-files': '.', ...inputs }, { extraEnv: world.env });
    const report = await readFile(run.reportFile, 'utf8').catch(() => '');
    return { run, report };
  } finally {
    await project.remove();
    if (run) await rm(run.runnerTemp, { recursive: true, force: true });
  }
}

/**
 * A finished action run: the summary written, every output set and agreeing with the report file, no crash;
 * `keys` registered with `::add-mask::`, and no secret anywhere else.
 */
function expectReported(action: ActionRun, keys: readonly string[], secrets: readonly string[]): void {
  const { run, report } = action;
  expect(crashLines(run)).toEqual([]);
  expect(Object.keys(run.outputs).sort()).toEqual([
    'comment-url',
    'errors',
    'findings',
    'incomplete',
    'passed',
    'pull-requests',
    'report-file',
    'warnings'
  ]);
  expect(run.outputs['report-file']).toBe(run.reportFile);
  const parsed = JSON.parse(report) as { passed: boolean; summary: { errors: number; warnings: number } };
  expect(run.outputs.passed).toBe(String(parsed.passed));
  expect(run.outputs.errors).toBe(String(parsed.summary.errors));
  expect(run.outputs.warnings).toBe(String(parsed.summary.warnings));
  expect(run.code).toBe(parsed.passed ? 0 : 1);
  expect(run.summary).toMatch(/^## .*Clerk production gate/m);
  expect(run.summary).toContain('(`clerk-api-error`)');

  const masked = run.commands.filter((c) => c.command === 'add-mask').map((c) => c.data);
  for (const key of keys) expect(masked).toContain(key);
  const annotations = run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command));
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  expect(
    leaks(
      {
        stdout,
        stderr: run.stderr,
        outputs: JSON.stringify(run.outputs),
        summary: run.summary,
        'report file': report,
        annotations: JSON.stringify(annotations)
      },
      secrets
    )
  ).toEqual([]);
}

describe('the action', () => {
  it.concurrent(
    'healthy production: passed, the online checks in the summary, the keys masked and shown nowhere',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const action = await runAction(world, instanceVariables(world));
        expectReported(action, [KEYS.live, KEYS.platform], secretsOf(world, [KEYS.live, KEYS.platform]));
        const { run } = action;
        expect(run.code).toBe(0);
        expect(run.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '0', findings: '[]' });
        expect(run.summary).toContain('(`dns-not-verified`) — Clerk reports example');
        expect(world.clerk.requestsTo('instance')).toHaveLength(1);
      }),
    TIMEOUT
  );

  it.concurrent(
    'an unverified domain with dns-check: failed, an error annotation for dns-not-verified',
    () =>
      inWorld(platformIncomplete(), {}, async (world) => {
        const action = await runAction(world, instanceVariables(world), { 'dns-check': 'true' });
        expectReported(action, [KEYS.live, KEYS.platform], secretsOf(world, [KEYS.live, KEYS.platform]));
        const { run } = action;
        expect(run.code).toBe(1);
        expect(run.outputs).toMatchObject({ passed: 'false', errors: '1' });
        expect(JSON.parse(run.outputs.findings ?? '[]')).toEqual([
          expect.objectContaining({ rule: 'dns-not-verified', location: { source: 'clerk-api' } })
        ]);
        expect(run.commands.filter((c) => c.command === 'error').map((c) => c.properties.title)).toContain(
          'dns-not-verified: example.test (clerk-api)'
        );
        expect(world.clerk.requestsTo('platformDnsCheck')).toHaveLength(1);
      }),
    TIMEOUT
  );

  it.concurrent(
    'Clerk unavailable with on-api-error warn: passed with a warning annotation naming the endpoint',
    () =>
      inWorld(withFaults(healthyProduction(), { instance: { kind: 'status', status: 503 } }), {}, async (world) => {
        const action = await runAction(world, instanceVariables(world), { 'on-api-error': 'warn' });
        expectReported(action, [KEYS.live, KEYS.platform], secretsOf(world, [KEYS.live, KEYS.platform]));
        const { run } = action;
        expect(run.code).toBe(0);
        expect(run.outputs).toMatchObject({ passed: 'true', errors: '0', warnings: '1' });
        const trace = world.clerk.requestsTo('instance').at(-1)?.traceId ?? '(none)';
        const warnings = run.commands.filter((c) => c.command === 'warning');
        expect(warnings).toEqual([
          expect.objectContaining({
            properties: { title: `clerk-api-error: GET ${world.clerk.url}/v1/instance (clerk-api)` },
            data: expect.stringContaining(`(Clerk trace id ${trace})`)
          })
        ]);
        expect(run.summary).toContain(trace);
      }),
    TIMEOUT
  );

  it.concurrent(
    'canary keys refused by errors that quote them: failed, each key masked, scrubbed from everything else',
    () =>
      inWorld(echoingScenario(), {}, async (world) => {
        const action = await runAction(world, canaryVariables(world), { 'on-api-error': 'warn' });
        const secrets = secretsOf(world, [CANARY.secret, CANARY.platform]);
        expect(secrets.length).toBeGreaterThan(2);
        expectReported(action, [CANARY.secret, CANARY.platform], secrets);
        const { run } = action;
        expect(run.code).toBe(1);
        expect(run.outputs).toMatchObject({ passed: 'false', errors: '2', warnings: '1' });
        const errors = run.commands.filter((c) => c.command === 'error').map((c) => c.properties.title);
        expect(errors).toEqual(
          expect.arrayContaining([
            `clerk-api-error: GET ${world.clerk.url}/v1/instance (clerk-api)`,
            `clerk-api-error: GET ${world.clerk.url}/v1/platform/domains/example.test (clerk-api)`
          ])
        );
        expect(action.report).toContain(shown(CANARY.secret).replace('…', '\\u2026'));
      }),
    TIMEOUT
  );

  it.concurrent(
    'clerk-api-url http://example.com: exit 2, one error naming the input, nothing asked',
    () =>
      inWorld(healthyProduction(), {}, async (world) => {
        const action = await runAction(world, instanceVariables(world), { 'clerk-api-url': 'http://example.com' });
        const { run } = action;
        expect(run.code).toBe(2);
        expect(crashLines(run)).toEqual([]);
        const errors = run.commands.filter((c) => c.command === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0]?.data).toMatch(/^clerk-api-url: must be an https:\/\/ URL/);
        expect(world.clerk.requests).toEqual([]);
        expect(world.dns.queries).toEqual([]);
        expect(leaks({ stdout: run.stdout, stderr: run.stderr }, [KEYS.live, KEYS.platform])).toEqual([]);
      }),
    TIMEOUT
  );
});
