// Fakes for the benchmark's online case (see bench/README.md, "Online checks"): a Clerk Backend + Platform API
// (HTTP on 127.0.0.1), a Frontend API (HTTPS on 127.0.0.1, a certificate for clerk.bench.test signed by a
// throw-away CA made with the `openssl` command), and a DNS server (UDP and TCP on one 127.0.0.1 port, with
// dns-packet). Each adds a set latency to every HTTP response and DNS answer, counts what it serves and logs it
// with timestamps.
//
// They run in a worker thread of the bench process: run.mjs times its cases with spawnSync, which blocks the main
// thread's event loop, and a server there could not answer while the gate runs. The latency and the current run's
// tag are read from shared memory at each request, so the main thread can change them between runs without
// waiting on the worker.
//
// These bodies are a compact plain-JS copy of the healthy production answers. The spec-checked fake is the test
// suite's (__tests__/fakes/clerk-responses.ts, validated against Clerk's OpenAPI documents by
// clerk-contract.test.ts); this one carries the fields those builders give a healthy production instance, in
// fewer lines, and is checked only by the gate accepting it.

import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';

import dnsPacket from 'dns-packet';

export const DOMAIN = 'bench.test';
export const FAPI_HOST = `clerk.${DOMAIN}`;
const ROLE = 'clerk-production-gate-bench-fakes';

/** Slots of the shared control array. */
const CTL = { latencyMs: 0, tag: 1, api: 2, fapi: 3, dns: 4, connections: 5 };
const CTL_SIZE = 8;

// ---------------------------------------------------------------------------
// A throw-away CA and a server certificate, with the openssl command.

/** Writes a CA and a certificate for `hosts` (and IP 127.0.0.1) into `dir`; returns the PEMs and the CA file. */
export function makeThrowawayCa(dir, hosts) {
  const work = mkdtempSync(join(dir, 'ca-'));
  const run = (args) => {
    try {
      execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      if (e.code === 'ENOENT') throw new Error('the `openssl` command is missing (the online case needs it)');
      throw new Error(`openssl ${args[0]} failed: ${e.stderr?.toString().trim() ?? e.message}`);
    }
  };
  const config = (ext) =>
    ['[req]', 'distinguished_name = dn', 'prompt = no', '[dn]', 'CN = unused', '[ext]', ...ext, ''].join('\n');
  writeFileSync(
    join(work, 'ca.cnf'),
    config(['basicConstraints = critical,CA:TRUE', 'keyUsage = critical,keyCertSign,cRLSign'])
  );
  const san = [...hosts.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
  writeFileSync(
    join(work, 'leaf.cnf'),
    config([
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${san}`
    ])
  );
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  // prettier-ignore
  run(['req', '-x509', ...ec, '-config', 'ca.cnf', '-extensions', 'ext', '-subj', '/CN=clerk-production-gate bench CA',
    '-days', '2', '-keyout', 'ca.key', '-out', 'ca.pem']);
  // prettier-ignore
  run(['req', '-new', ...ec, '-config', 'leaf.cnf', '-subj', `/CN=${hosts[0]}`, '-keyout', 'leaf.key', '-out', 'leaf.csr']);
  // prettier-ignore
  run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '0x1b3c5d7e9f',
    '-days', '2', '-extfile', 'leaf.cnf', '-extensions', 'ext', '-out', 'leaf.pem']);
  const read = (f) => readFileSync(join(work, f), 'utf8');
  const pems = { ca: read('ca.pem'), key: read('leaf.key'), cert: read('leaf.pem') };
  rmSync(work, { recursive: true, force: true });
  const caFile = join(dir, 'bench-ca.pem');
  writeFileSync(caFile, pems.ca);
  return { ...pems, caFile };
}

// ---------------------------------------------------------------------------
// Response bodies (healthy production instance; see the header about the spec-checked fake).

const CREATED = '2026-05-06T09:30:00Z';
const UPDATED = '2026-08-01T12:00:00Z';
const fakeId = (prefix, label) => `${prefix}_${`2${label}`.padEnd(27, '0').slice(0, 27)}`;
export const IDS = {
  application: fakeId('app', 'BenchApplication'),
  instance: fakeId('ins', 'BenchProduction'),
  domain: fakeId('dmn', 'BenchTest')
};
const MAIL_ID = 'b3nch0mail42';
/** The five records of a production domain: host under the domain → Clerk's target. */
export const CNAMES = {
  clerk: 'frontend-api.clerk.services',
  accounts: 'accounts.clerk.services',
  clkmail: `mail.${MAIL_ID}.clerk.services`,
  'clk._domainkey': `dkim1.${MAIL_ID}.clerk.services`,
  'clk2._domainkey': `dkim2.${MAIL_ID}.clerk.services`
};

function bodies(fapiPort) {
  // The publishable key names `clerk.bench.test:<port>`; the domain's Frontend API URL carries the same port, so
  // key-instance-mismatch passes whether a build compares host names only or hosts with their port.
  const frontendApiUrl = `https://${FAPI_HOST}:${fapiPort}`;
  const cnameTargets = Object.entries(CNAMES).map(([sub, value]) => ({
    host: `${sub}.${DOMAIN}`,
    value,
    required: true
  }));
  const domainBase = {
    object: 'domain',
    id: IDS.domain,
    name: DOMAIN,
    is_satellite: false,
    frontend_api_url: frontendApiUrl,
    accounts_portal_url: `https://accounts.${DOMAIN}`,
    development_origin: ''
  };
  const cnameStatus = Object.fromEntries(
    Object.entries(CNAMES).map(([sub, to]) => [
      sub,
      {
        actual: [to],
        clerk_subdomain: sub,
        from: `${sub}.${DOMAIN}`,
        to,
        verified: true,
        required: true,
        failure_hints: null
      }
    ])
  );
  const sslHost = { status: 'complete', required: true, failure_hints: null };
  const status = {
    dns: { status: 'complete', cnames: cnameStatus },
    ssl: { ...sslHost },
    ssl_hosts: { [`clerk.${DOMAIN}`]: { ...sslHost }, [`accounts.${DOMAIN}`]: { ...sslHost } },
    mail: { status: 'complete', required: true },
    status: 'complete'
  };
  const home = `https://${DOMAIN}`;
  const accounts = `https://accounts.${DOMAIN}`;
  return {
    instance: {
      object: 'instance',
      id: IDS.instance,
      environment_type: 'production',
      allowed_origins: null,
      workspace_id: null
    },
    domains: { data: [{ ...domainBase, proxy_url: null, cname_targets: cnameTargets }], total_count: 1 },
    environment: {
      auth_config: {
        object: 'auth_config',
        id: fakeId('aac', 'BenchProduction'),
        single_session_mode: true,
        identification_strategies: ['email_address'],
        first_factors: ['email_code', 'password'],
        second_factors: ['totp', 'backup_code'],
        test_mode: false,
        claimed_at: Date.parse(CREATED)
      },
      display_config: {
        object: 'display_config',
        id: fakeId('display_config', 'BenchProduction'),
        instance_environment_type: 'production',
        application_name: 'Bench App',
        home_url: home,
        sign_in_url: `${accounts}/sign-in`,
        sign_up_url: `${accounts}/sign-up`,
        user_profile_url: `${accounts}/user`,
        after_sign_in_url: home,
        after_sign_up_url: home,
        branded: false,
        show_devmode_warning: false
      },
      user_settings: {
        attributes: {},
        social: {},
        saml: { enabled: false },
        enterprise_sso: { enabled: false, self_serve_sso: false },
        sign_in: { second_factor: { required: false } },
        sign_up: { captcha_enabled: true, progressive: true, mode: 'public', legal_consent_enabled: false }
      },
      organization_settings: { enabled: false },
      fraud_settings: { object: 'fraud_settings', native: { device_attestation_mode: 'disabled' } },
      commerce_settings: { billing: { stripe_publishable_key: null } },
      api_keys_settings: { enabled: false },
      client_debug_mode: false,
      partitioned_cookies: false,
      maintenance_mode: false
    },
    platformDomain: {
      ...domainBase,
      is_provider_domain: false,
      cname_targets: cnameTargets,
      created_at: CREATED,
      updated_at: UPDATED,
      application: { object: 'application', id: IDS.application, created_at: CREATED, updated_at: UPDATED },
      instance: {
        object: 'instance',
        id: IDS.instance,
        environment_type: 'production',
        created_at: CREATED,
        updated_at: UPDATED
      }
    },
    status,
    dnsCheck: { ...status, domain_id: IDS.domain, last_run_at: Date.parse(UPDATED) },
    // No connection_oauth_* entry: no social provider, so none on shared credentials.
    config: { config_version: 'v1_b3nch0c0nf19', session_token_lifetime: 60 }
  };
}

const clerkError = (status, code, message) => ({
  status,
  body: { errors: [{ code, message, long_message: message }], clerk_trace_id: 'b3nch0000000000000000000000000ff' }
});

// ---------------------------------------------------------------------------
// The servers (worker side).

async function startServers({ control, tls, keys }) {
  const log = [];
  const timers = new Set();
  const now = () => performance.timeOrigin + performance.now();
  const later = (receivedAt, fn) => {
    const wait = Atomics.load(control, CTL.latencyMs) - (now() - receivedAt);
    if (wait <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      later(receivedAt, fn);
    }, Math.ceil(wait));
    timers.add(timer);
  };
  const record = (kind, call, socket) => {
    Atomics.add(control, CTL[kind], 1);
    const entry = { tag: Atomics.load(control, CTL.tag), kind, call, receivedAt: now(), answeredAt: undefined };
    if (socket) {
      // Which connection carried the request, and whether it was its first.
      entry.connection = sockets.get(socket) ?? { id: 0, requests: 0 };
      entry.newConnection = entry.connection.requests++ === 0;
      entry.connection = entry.connection.id;
    }
    log.push(entry);
    return entry;
  };
  const sockets = new WeakMap();
  let nextSocket = 0;
  const onConnection = (socket) => {
    Atomics.add(control, CTL.connections, 1);
    sockets.set(socket, { id: ++nextSocket, requests: 0 });
  };

  // The Frontend API first: its port goes into the Backend API's domain.
  const fapi = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const entry = record('fapi', `${req.method} https://${req.headers.host}${req.url}`, req.socket);
    req.resume();
    req.on('end', () => {
      const reply =
        req.method === 'GET' && req.url === '/v1/environment'
          ? { status: 200, body: body.environment }
          : clerkError(404, 'resource_not_found', 'Resource not found');
      later(entry.receivedAt, () => send(res, reply, entry));
    });
  });
  // 'secureConnection': the TLS socket, the one requests carry (after the handshake).
  fapi.on('secureConnection', onConnection);
  fapi.listen(0, '127.0.0.1');
  await once(fapi, 'listening');
  const fapiPort = fapi.address().port;
  const body = bodies(fapiPort);

  const app = `/v1/platform/applications/${IDS.application}`;
  const routes = {
    'GET /v1/instance': ['sk', () => body.instance],
    'GET /v1/domains': ['sk', () => body.domains],
    [`GET /v1/platform/domains/${DOMAIN}`]: ['ak', () => body.platformDomain],
    [`GET /v1/platform/domains/${IDS.domain}`]: ['ak', () => body.platformDomain],
    [`GET ${app}/domains/${IDS.domain}/status`]: ['ak', () => body.status],
    [`POST ${app}/domains/${IDS.domain}/dns_check`]: ['ak', () => body.dnsCheck],
    [`GET ${app}/instances/production/config`]: ['ak', () => body.config],
    [`GET ${app}/instances/${IDS.instance}/config`]: ['ak', () => body.config]
  };
  const api = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const call = `${req.method} ${path}`;
    const entry = record('api', call, req.socket);
    req.resume();
    req.on('end', () => {
      const route = routes[call];
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      let reply;
      if (!route) reply = clerkError(404, 'resource_not_found', 'Resource not found');
      else if (token !== keys[route[0]]) reply = clerkError(401, 'authentication_invalid', 'Invalid authentication');
      else reply = { status: 200, body: route[1]() };
      later(entry.receivedAt, () => send(res, reply, entry));
    });
  });
  api.on('connection', onConnection);
  api.listen(0, '127.0.0.1');
  await once(api, 'listening');

  const dns = await startDns({ record, later });

  return {
    apiUrl: `http://127.0.0.1:${api.address().port}`,
    fapiPort,
    dnsServer: `127.0.0.1:${dns.port}`,
    log,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      api.closeAllConnections();
      fapi.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => api.close(resolve)),
        new Promise((resolve) => fapi.close(resolve)),
        dns.close()
      ]);
    }
  };
}

function send(res, reply, entry) {
  if (res.destroyed) return;
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text))
  });
  res.end(text);
  entry.answeredAt = performance.timeOrigin + performance.now();
  entry.status = reply.status;
}

/** The zone: the five CNAMEs, clerk.bench.test reaching 127.0.0.1 through its target, no CAA anywhere. */
const ZONE = new Map([
  [DOMAIN, {}],
  ...Object.entries(CNAMES).map(([sub, target]) => [`${sub}.${DOMAIN}`, { CNAME: target }]),
  [CNAMES.clerk, { A: ['127.0.0.1'] }]
]);

/** Answers as a recursive resolver would: CNAME chains followed, NXDOMAIN for unknown names, NODATA otherwise. */
function resolve(question) {
  const answers = [];
  let owner = question.name;
  for (let hops = 0; hops < 8; hops++) {
    const entry = ZONE.get(owner.toLowerCase().replace(/\.$/, ''));
    if (!entry) return { rcode: 'NXDOMAIN', answers };
    if (entry.CNAME && question.type !== 'CNAME') {
      answers.push({ name: owner, type: 'CNAME', ttl: 0, data: entry.CNAME });
      owner = entry.CNAME;
      continue;
    }
    if (question.type === 'CNAME' && entry.CNAME)
      answers.push({ name: owner, type: 'CNAME', ttl: 0, data: entry.CNAME });
    if (question.type === 'A') for (const a of entry.A ?? []) answers.push({ name: owner, type: 'A', ttl: 0, data: a });
    return { rcode: 'NOERROR', answers };
  }
  return { rcode: 'SERVFAIL', answers: [] };
}

function dnsResponse(query) {
  const question = query.questions?.[0];
  const { rcode, answers } = question ? resolve(question) : { rcode: 'FORMERR', answers: [] };
  const code = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3 }[rcode];
  const opt = (query.additionals ?? []).some((a) => a.type === 'OPT');
  return {
    type: 'response',
    id: query.id,
    flags: dnsPacket.RECURSION_AVAILABLE | (query.flag_rd ? dnsPacket.RECURSION_DESIRED : 0) | code,
    questions: query.questions ?? [],
    answers,
    additionals: opt ? [{ name: '.', type: 'OPT', udpPayloadSize: 1232, flags: 0, options: [] }] : []
  };
}

async function startDns({ record, later }) {
  const handle = (message, reply) => {
    let query;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const q = query.questions?.[0];
    const entry = record('dns', `DNS ${q?.type ?? '?'} ${q?.name ?? '?'}`);
    later(entry.receivedAt, () => {
      reply(dnsResponse(query));
      entry.answeredAt = performance.timeOrigin + performance.now();
    });
  };
  // UDP on a free port, then TCP on the same one (another port if that one's TCP side is taken).
  for (let attempt = 0; attempt < 20; attempt++) {
    const udp = createSocket('udp4');
    udp.bind(0, '127.0.0.1');
    await once(udp, 'listening');
    const port = udp.address().port;
    const tcp = createTcpServer((socket) => {
      let pending = Buffer.alloc(0);
      socket.on('error', () => undefined);
      socket.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
          const length = pending.readUInt16BE(0);
          const message = pending.subarray(2, 2 + length);
          pending = pending.subarray(2 + length);
          handle(message, (response) => socket.writable && socket.write(dnsPacket.streamEncode(response)));
        }
      });
    });
    try {
      tcp.listen({ port, host: '127.0.0.1', exclusive: true });
      await once(tcp, 'listening');
    } catch {
      udp.close();
      continue;
    }
    udp.on('message', (message, remote) =>
      handle(message, (response) => udp.send(dnsPacket.encode(response), remote.port, remote.address))
    );
    return {
      port,
      close: () =>
        Promise.all([new Promise((resolve) => udp.close(resolve)), new Promise((resolve) => tcp.close(resolve))])
    };
  }
  throw new Error('fake DNS: no port free for both UDP and TCP');
}

if (!isMainThread && workerData?.role === ROLE) {
  const servers = await startServers(workerData);
  parentPort.on('message', async (message) => {
    if (message === 'log') parentPort.postMessage({ type: 'log', log: servers.log });
    else if (message === 'close') {
      await servers.close();
      parentPort.postMessage({ type: 'closed' });
      parentPort.close();
    }
  });
  parentPort.postMessage({
    type: 'ready',
    apiUrl: servers.apiUrl,
    fapiPort: servers.fapiPort,
    dnsServer: servers.dnsServer
  });
}

// ---------------------------------------------------------------------------
// Main-thread handle.

const alnum = (n) => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: n }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
};

/**
 * Starts the fakes in a worker thread, with `latencyMs` added to every answer. Keys are made here, at run time:
 * an `sk_live_` and an `ak_` key that only these fakes accept. `dir` receives the CA file (NODE_EXTRA_CA_CERTS).
 */
export async function startOnlineFakes({ latencyMs, dir }) {
  const tls = makeThrowawayCa(dir, [FAPI_HOST]);
  const keys = { sk: `sk_live_BenchFake${alnum(31)}`, ak: `ak_BenchFakePlatform${alnum(24)}` };
  const control = new Int32Array(new SharedArrayBuffer(CTL_SIZE * 4));
  Atomics.store(control, CTL.latencyMs, latencyMs);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { role: ROLE, control, tls: { key: tls.key, cert: tls.cert }, keys }
  });
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message?.type !== type) return;
        worker.off('message', onMessage).off('error', reject);
        resolve(message);
      };
      worker.on('message', onMessage).once('error', reject);
    });
  const ready = await next('ready');
  // The worker must not keep the bench alive; it is ref'd again while the main thread waits on it.
  worker.unref();
  const waitFor = async (type, send) => {
    worker.ref();
    try {
      const reply = next(type);
      worker.postMessage(send);
      return await reply;
    } finally {
      worker.unref();
    }
  };
  let closed = false;
  return {
    apiUrl: ready.apiUrl,
    dnsServer: ready.dnsServer,
    fapiHost: `${FAPI_HOST}:${ready.fapiPort}`,
    caFile: tls.caFile,
    keys,
    latencyMs: () => Atomics.load(control, CTL.latencyMs),
    setLatency: (ms) => Atomics.store(control, CTL.latencyMs, ms),
    /** Tags the log entries of the requests that come next (one tag per run). */
    setTag: (tag) => Atomics.store(control, CTL.tag, tag),
    /** Requests and queries served so far, read without waiting on the worker. */
    counts: () => ({
      api: Atomics.load(control, CTL.api),
      fapi: Atomics.load(control, CTL.fapi),
      dns: Atomics.load(control, CTL.dns),
      /** TCP connections accepted by the two HTTP servers (not DNS). */
      connections: Atomics.load(control, CTL.connections)
    }),
    /** Every request and query, with `receivedAt` / `answeredAt` (ms, same clock) and the run's tag. */
    log: async () => (await waitFor('log', 'log')).log,
    close: async () => {
      if (closed) return;
      closed = true;
      await waitFor('closed', 'close');
      await worker.terminate();
    }
  };
}
