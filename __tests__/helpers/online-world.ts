import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../fakes/clerk-server.js';
import { startFakeClerk, type FakeClerk, type FakeClerkOptions } from '../fakes/clerk-server.js';
import { startFakeDns, type FakeDns, type Zone } from '../fakes/dns-server.js';
import { serverCertificate, writeCaFile, type CaFile } from '../fakes/test-ca.js';

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
