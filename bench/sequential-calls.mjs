#!/usr/bin/env node
// The calls the gate makes online, made one after another: the benchmark's "sequential" reference
// (see bench/README.md, "Online checks").
//
//   node bench/sequential-calls.mjs --clerk-api-url URL --dns-servers IP:PORT PROJECT_DIR
//
// Same endpoints, headers, DNS queries and clients as the gate (undici with one Agent for the Clerk API and one
// for other hosts, whose connections resolve through node:dns's Resolver: A, then AAAA; HTTPS to the Frontend
// API with the system's CAs plus NODE_EXTRA_CA_CERTS), each call waiting for the previous one's answer. Keys come
// from PROJECT_DIR/.env.production. Prints a JSON summary; exits 0 when every answer is the healthy one, 1 when
// one is not, 2 on a usage error.

import { promises as dns } from 'node:dns';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { Agent, request } from 'undici';

const { values: opts, positionals } = parseArgs({
  options: { 'clerk-api-url': { type: 'string' }, 'dns-servers': { type: 'string' } },
  allowPositionals: true
});
if (!opts['clerk-api-url'] || !opts['dns-servers'] || positionals.length !== 1) {
  console.error('usage: node bench/sequential-calls.mjs --clerk-api-url URL --dns-servers IP:PORT PROJECT_DIR');
  process.exit(2);
}

const env = Object.fromEntries(
  readFileSync(join(positionals[0], '.env.production'), 'utf8')
    .split('\n')
    .map((line) => /^([A-Z_]+)=(.*)$/.exec(line.trim()))
    .filter(Boolean)
    .map((m) => [m[1], m[2]])
);
const sk = env.CLERK_SECRET_KEY;
const ak = env.CLERK_PLATFORM_API_KEY;
const pk = env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
const frontendApi = Buffer.from(pk.replace(/^pk_(live|test)_/, ''), 'base64')
  .toString('utf8')
  .replace(/\$$/, '');
const domainName = frontendApi.replace(/:\d+$/, '').replace(/^clerk\./, '');

const TIMEOUT_MS = 10_000;
const resolver = new dns.Resolver({ timeout: TIMEOUT_MS / 2, tries: 2 });
resolver.setServers(opts['dns-servers'].split(','));

/** As the gate's DnsClient.lookup(): A, then AAAA when there is no A. */
function lookup(hostname, options, callback) {
  const family = isIP(hostname);
  if (family !== 0) return callback(null, options.all ? [{ address: hostname, family }] : hostname, family);
  (async () => {
    const v4 = await resolver.resolve4(hostname).catch(() => []);
    const v6 = v4.length > 0 ? [] : await resolver.resolve6(hostname).catch(() => []);
    const found = [...v4.map((address) => ({ address, family: 4 })), ...v6.map((address) => ({ address, family: 6 }))];
    if (found.length === 0) callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
    else if (options.all) callback(null, found);
    else callback(null, found[0].address, found[0].family);
  })();
}

const agentOptions = { headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS };
const api = new Agent({ ...agentOptions, connect: { timeout: TIMEOUT_MS } });
const hosts = new Agent({ ...agentOptions, connect: { timeout: TIMEOUT_MS, lookup } });
const base = opts['clerk-api-url'].replace(/\/$/, '');
const calls = [];
const problems = [];

async function get(dispatcher, url, key, method = 'GET') {
  const t0 = performance.now();
  const headers = { accept: 'application/json', 'user-agent': 'clerk-production-gate' };
  if (key) Object.assign(headers, { authorization: `Bearer ${key}`, 'clerk-api-version': '2026-05-12' });
  const response = await request(url, { method, headers, dispatcher, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await response.body.text();
  calls.push({ call: `${method} ${url}`, status: response.statusCode, ms: performance.now() - t0 });
  if (response.statusCode !== 200) {
    problems.push(`${method} ${url}: HTTP ${response.statusCode}`);
    return {};
  }
  return JSON.parse(text);
}

async function query(type, name, run) {
  const t0 = performance.now();
  let outcome;
  try {
    outcome = await run();
  } catch (e) {
    outcome = e.code;
  }
  calls.push({ call: `DNS ${type} ${name}`, outcome, ms: performance.now() - t0 });
  return outcome;
}

const expect = (ok, what) => ok || problems.push(what);

try {
  const instance = await get(api, `${base}/v1/instance`, sk);
  expect(instance.environment_type === 'production', 'instance is not production');
  const domains = await get(api, `${base}/v1/domains`, sk);
  const primary = domains.data?.find((d) => !d.is_satellite) ?? domains.data?.[0];
  expect(primary !== undefined, 'no primary domain');
  const environment = await get(hosts, `https://${frontendApi}/v1/environment`);
  expect(environment.display_config?.instance_environment_type === 'production', 'Frontend API is not production');
  const platformDomain = await get(api, `${base}/v1/platform/domains/${encodeURIComponent(domainName)}`, ak);
  for (const { host, value, required } of primary?.cname_targets ?? []) {
    if (!required) continue;
    const found = await query('CNAME', host, () => resolver.resolveCname(host));
    expect(Array.isArray(found) && found[0] === value, `${host} does not point at ${value}`);
  }
  const labels = domainName.split('.');
  for (const name of labels.map((_, i) => labels.slice(i).join('.'))) {
    await query('CAA', name, () => resolver.resolveCaa(name));
  }
  const app = `${base}/v1/platform/applications/${encodeURIComponent(platformDomain.application?.id)}`;
  const status = await get(api, `${app}/domains/${encodeURIComponent(platformDomain.id)}/status`, ak);
  expect(status.status === 'complete', 'domain status is not complete');
  await get(api, `${app}/instances/production/config`, ak);
} catch (e) {
  problems.push(`${e.code ?? e.name}: ${e.message}`);
} finally {
  await Promise.all([api.close(), hosts.close()]);
}

process.stdout.write(`${JSON.stringify({ calls, problems }, null, 2)}\n`);
process.exitCode = problems.length === 0 ? 0 : 1;
