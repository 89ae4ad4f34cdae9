import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../fakes/clerk-server.js';
import { startFakeClerk, type FakeClerk, type FakeClerkOptions } from '../fakes/clerk-server.js';
import { startFakeDns, type FakeDns, type Zone } from '../fakes/dns-server.js';
import { serverCertificate, writeCaFile, type CaFile } from '../fakes/test-ca.js';
import type { JsonReport } from '../../src/reporters/json-schema.js';
import { runDistCli, type DistCliRun } from './run-dist-cli.js';

/**
 * A fake Clerk (Backend, Platform and Frontend API over HTTPS on 127.0.0.1, trusted through a test CA given as
 * NODE_EXTRA_CA_CERTS) and a fake DNS server whose zone holds the scenario's records, with the Frontend API host
 * resolving to 127.0.0.1. The gate reaches both only through `--clerk-api-url` and `--dns-servers`.
 */
export interface OnlineWorld {
  clerk: FakeClerk;
  dns: FakeDns;
  ca: CaFile;
  /** CLI flags that point the gate at the fakes. */
  flags: string[];
  /** The same as action inputs. */
  inputs: Record<string, string>;
  /** Environment for the gate's process (the test CA). */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startOnlineWorld(
  scenario: Scenario,
  options: FakeClerkOptions & { zone?: (base: Zone) => Zone; dnsLatencyMs?: number } = {}
): Promise<OnlineWorld> {
  const clerk = await startFakeClerk(scenario, { tls: serverCertificate(), ...options });
  const dns = await startFakeDns(
    (options.zone ?? ((z) => z))(zoneFor(scenario)),
    options.dnsLatencyMs === undefined ? {} : { latencyMs: options.dnsLatencyMs }
  );
  const ca = writeCaFile();
  return {
    clerk,
    dns,
    ca,
    flags: ['--clerk-api-url', clerk.url, '--dns-servers', dns.address],
    inputs: { 'clerk-api-url': clerk.url, 'dns-servers': dns.address },
    env: { NODE_EXTRA_CA_CERTS: ca.file },
    async close() {
      await Promise.all([clerk.close(), dns.close()]);
      ca.cleanup();
    }
  };
}

/** The records a healthy set-up has: every CNAME target in place, the Frontend API host at 127.0.0.1. */
export function zoneFor(scenario: Scenario): Zone {
  const zone: Zone = {};
  for (const domain of scenario.domains.data) {
    for (const target of domain.cname_targets ?? []) zone[target.host] = { CNAME: target.value };
  }
  const frontend = zone[scenario.frontendApiHost];
  if (frontend?.CNAME) zone[frontend.CNAME] = { A: ['127.0.0.1'] };
  else zone[scenario.frontendApiHost] = { A: ['127.0.0.1'] };
  return zone;
}

/** A Next.js app whose `.env.production` holds `variables`. */
export async function onlineProject(
  variables: Record<string, string>
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'gate-online-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ dependencies: { next: '15.0.0' } }));
  const text = Object.entries(variables)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
  await writeFile(join(dir, '.env.production'), `${text}\n`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------------------------
// Running the shipped CLI against a world, and reading its JSON report

/** The online checks, in the order the report lists them. */
export const ONLINE_CHECK_IDS = [
  'instance-not-production',
  'key-instance-mismatch',
  'dns-record-missing',
  'dns-record-wrong-target',
  'dns-record-proxied',
  'caa-blocks-certificates',
  'frontend-api-unreachable',
  'shared-oauth-credentials',
  'dns-not-verified',
  'clerk-api-error'
] as const;
export type OnlineCheckId = (typeof ONLINE_CHECK_IDS)[number];

/** The keys of the world's instance as an app's `.env.production` holds them (and the Platform key, unless `platform:
 * false`). */
export function instanceVariables(world: OnlineWorld, options: { platform?: boolean } = {}): Record<string, string> {
  const { secretKey, platformKey } = world.clerk.scenario;
  return {
    CLERK_SECRET_KEY: secretKey,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: world.clerk.publishableKey,
    ...(options.platform !== false && platformKey !== null && { CLERK_PLATFORM_API_KEY: platformKey })
  };
}

export interface OnlineCliRun extends DistCliRun {
  report: JsonReport;
}

/**
 * `node dist/cli.js --format json <world flags> …args .` in a fresh Next.js project holding `variables`; the
 * project is removed afterwards. Fails (without quoting the streams, which may hold keys) when stdout is no report.
 */
export async function runOnlineCli(
  world: Pick<OnlineWorld, 'flags' | 'env'>,
  variables: Record<string, string>,
  args: string[] = []
): Promise<OnlineCliRun> {
  const project = await onlineProject(variables);
  try {
    const run = await runDistCli(project.dir, ['--format', 'json', ...world.flags, ...args, '.'], { env: world.env });
    let report: JsonReport;
    try {
      report = JSON.parse(run.stdout) as JsonReport;
    } catch {
      throw new Error(
        `the CLI wrote no JSON report (exit ${run.code}, ${run.stdout.length} characters on stdout, ` +
          `${run.stderr.length} on stderr)`
      );
    }
    return { ...run, report };
  } finally {
    await project.remove();
  }
}

/** The check `id` of a report (throws when the report has none). */
export function checkOf(report: Pick<JsonReport, 'checks'>, id: string): JsonReport['checks'][number] {
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`the report has no check ${id}`);
  return check;
}

/** `{ id: status }` for the ten online checks. */
export function onlineStatuses(report: Pick<JsonReport, 'checks'>): Record<string, string> {
  return Object.fromEntries(ONLINE_CHECK_IDS.map((id) => [id, checkOf(report, id).status]));
}

/** The findings of one rule. */
export function findingsOf(report: Pick<JsonReport, 'findings'>, rule: string): JsonReport['findings'] {
  return report.findings.filter((f) => f.rule === rule);
}

/** Which of `texts` hold which secret, as `name: secret #i` lines that never quote it: `[]` when nothing leaked. */
export function leaks(texts: Record<string, string>, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [name, text] of Object.entries(texts)) {
    secrets.forEach((secret, i) => {
      if (secret !== '' && text.includes(secret)) found.push(`${name}: secret #${i}`);
    });
  }
  return found;
}

/** Starts a world, runs `body` with it, and closes it whatever happens. */
export async function inWorld<T>(
  scenario: Scenario,
  options: Parameters<typeof startOnlineWorld>[1],
  body: (world: OnlineWorld) => Promise<T>
): Promise<T> {
  const world = await startOnlineWorld(scenario, options);
  try {
    return await body(world);
  } finally {
    await world.close();
  }
}

/** The online checks that are not `pass`, as `{ id: status }`. */
export function notPassing(run: { report: Pick<JsonReport, 'checks'> }): Record<string, string> {
  return Object.fromEntries(Object.entries(onlineStatuses(run.report)).filter(([, status]) => status !== 'pass'));
}
