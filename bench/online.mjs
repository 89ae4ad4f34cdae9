// The benchmark's online cases (see bench/README.md, "Online checks"): the gate offline and online on one healthy
// production project, against the fakes of bench/fake-online.mjs (a latency added to every HTTP response and DNS
// answer), and the same calls made one after another (bench/sequential-calls.mjs). run.mjs runs these cases in
// its interleaved rounds; this module makes them, checks every run, and reads the fakes' log at the end.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CNAMES, DOMAIN, IDS, startOnlineFakes } from './fake-online.mjs';

/** The online checks of the gate's report (src/rules/online.ts): all must pass on the healthy project. */
export const ONLINE_CHECKS = [
  'instance-not-production',
  'key-instance-mismatch',
  'dns-record-missing',
  'dns-record-wrong-target',
  'dns-record-proxied',
  'frontend-api-unreachable',
  'caa-blocks-certificates',
  'shared-oauth-credentials',
  'dns-not-verified',
  'clerk-api-error'
];

/**
 * What a full online run asks, and the sequential script too: the Clerk API (instance, domains, Platform domain,
 * its status, the instance config), the Frontend API, and DNS (A of the Frontend API host, the five CNAMEs, CAA of
 * the domain and of its parent up to the top-level domain: `bench.test` and `test`).
 */
export const EXPECTED = { api: 5, fapi: 1, dns: 1 + Object.keys(CNAMES).length + 2 };
const NONE = { api: 0, fapi: 0, dns: 0 };

/** Allowed overhead over the offline run: fixed cost (TLS, client start-up) on top of the round trips. */
export const ONLINE_TARGET = { roundTrips: 3, fixedMs: 100 };

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Starts the fakes, writes the project, and returns the cases. `env` is the measured processes' environment
 * (NODE_EXTRA_CA_CERTS is set to the throw-away CA for every online case, offline included, so they start alike).
 */
export async function setupOnline({ tmp, node, cli, env, latencyMs }) {
  const fakes = await startOnlineFakes({ latencyMs, dir: tmp });
  const project = join(tmp, 'online-app');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'bench-online-app', private: true, dependencies: { next: '15.5.0' } }, null, 2)}\n`
  );
  const pk = `pk_live_${Buffer.from(`${fakes.fapiHost}$`).toString('base64').replace(/=+$/, '')}`;
  writeFileSync(
    join(project, '.env.production'),
    `CLERK_SECRET_KEY=${fakes.keys.sk}\nNEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${pk}\nCLERK_PLATFORM_API_KEY=${fakes.keys.ak}\n`
  );
  const onlineEnv = { ...env, NODE_EXTRA_CA_CERTS: fakes.caFile };
  const endpoints = ['--clerk-api-url', fakes.apiUrl, '--dns-servers', fakes.dnsServer];
  const gate = (...extra) => [node, cli, ...extra, '--format', 'json', ...endpoints, project];

  // Every run gets a tag in the fakes' log, and its counts are checked as soon as it ends.
  const runs = new Map();
  /** HTTP connections opened, by run tag. */
  const connections = new Map();
  let tag = 0;
  let before;
  const hooks = (id, latency, expected) => ({
    beforeRun(phase) {
      fakes.setLatency(latency);
      fakes.setTag(++tag);
      runs.set(tag, { id, phase });
      before = fakes.counts();
    },
    afterRun() {
      const after = fakes.counts();
      const seen = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
      connections.set(tag, seen.connections);
      const bad = Object.keys(expected).filter((k) => seen[k] !== expected[k]);
      if (bad.length) {
        const show = (o) => `${o.api} Clerk API, ${o.fapi} Frontend API, ${o.dns} DNS`;
        throw new Error(`the fakes served ${show(seen)}; expected ${show(expected)}`);
      }
    }
  });
  const gateReport = (stdout, wanted) => {
    const report = JSON.parse(stdout);
    const checks = new Map((report.checks ?? []).map((c) => [c.id, c]));
    const off = ONLINE_CHECKS.filter((id) => checks.get(id)?.status !== wanted);
    if (off.length)
      return `online checks not ${wanted}: ${off.map((id) => `${id} (${checks.get(id)?.status})`).join(', ')}`;
    return report.passed === true ? undefined : 'the report says passed: false';
  };

  const common = { tool: 'online', files: 0, ok: [0], env: onlineEnv };
  const cases = [
    {
      ...common,
      id: 'online-offline',
      label: 'gate --offline, online project',
      argv: gate('--offline'),
      validate: (stdout) => gateReport(stdout, 'skipped'),
      ...hooks('online-offline', latencyMs, NONE)
    },
    {
      ...common,
      id: 'online',
      label: `gate online, ${latencyMs} ms per answer`,
      argv: gate(),
      validate: (stdout) => gateReport(stdout, 'pass'),
      ...hooks('online', latencyMs, EXPECTED)
    },
    {
      ...common,
      id: 'online-fixed',
      label: 'gate online, no added latency',
      argv: gate(),
      validate: (stdout) => gateReport(stdout, 'pass'),
      ...hooks('online-fixed', 0, EXPECTED)
    },
    {
      ...common,
      id: 'online-sequential',
      label: `same calls one by one, ${latencyMs} ms`,
      argv: [node, 'bench/sequential-calls.mjs', ...endpoints, project],
      validate: (stdout) => {
        const { problems } = JSON.parse(stdout);
        return problems.length ? problems.join('; ') : undefined;
      },
      ...hooks('online-sequential', latencyMs, EXPECTED)
    }
  ];

  const byTag = new Map();
  const callsOf = (t) => (byTag.get(t) ?? []).map((e) => e.call).sort();
  const tagsOf = (id) => [...runs].filter(([, r]) => r.id === id).map(([t]) => t);

  return {
    cases,
    latencyMs,
    /** Reads the fakes' log (stopping them) and checks every run's calls; marks a case that made others failed. */
    async collect({ byId, failures }) {
      const log = await fakes.log();
      await fakes.close();
      for (const entry of log) {
        if (!byTag.has(entry.tag)) byTag.set(entry.tag, []);
        byTag.get(entry.tag).push(entry);
      }
      // The sequential script must make exactly the gate's calls, in every run, and every call must be answered.
      const reference = callsOf(tagsOf('online').find((t) => byTag.has(t)));
      for (const id of ['online', 'online-fixed', 'online-sequential']) {
        for (const t of tagsOf(id)) {
          const calls = callsOf(t);
          if (calls.join('\n') !== reference.join('\n')) {
            const problem = `${runs.get(t).phase} run: calls differ from the gate's: ${calls.join(', ')}`;
            failures.push(`${byId[id].label}: ${problem}`);
            byId[id].failed ??= problem;
            break;
          }
        }
        for (const t of tagsOf(id)) {
          const unanswered = (byTag.get(t) ?? []).filter((e) => e.answeredAt === undefined || e.status >= 400);
          if (unanswered.length) {
            const problem = unanswered.map((e) => `${e.call} → ${e.status ?? 'no answer'}`).join(', ');
            failures.push(`${byId[id].label}: ${problem}`);
            byId[id].failed ??= problem;
            break;
          }
        }
      }
    },
    /** The target and the info lines (after collect()); returns lines to print and what results.json keeps. */
    report({ byId, ok, target }) {
      // Round trips on the critical path, from the log: a call's depth is one more than the deepest call
      // answered before it arrived (calls of one round arrive before any of its answers, `latency` later).
      const timeline = (t) => {
        const entries = [...(byTag.get(t) ?? [])].sort((a, b) => a.receivedAt - b.receivedAt);
        const t0 = entries[0]?.receivedAt ?? 0;
        for (const e of entries) {
          const prior = entries.filter((p) => p !== e && p.answeredAt !== undefined && p.answeredAt <= e.receivedAt);
          const last = prior.sort((a, b) => b.answeredAt - a.answeredAt)[0];
          e.depth = 1 + Math.max(0, ...prior.map((p) => p.depth ?? 0));
          e.lastAnswerBefore = last?.call;
          e.at = e.receivedAt - t0;
          e.done = e.answeredAt === undefined ? undefined : e.answeredAt - t0;
        }
        return { entries, depth: Math.max(0, ...entries.map((e) => e.depth)) };
      };
      const depths = (id) =>
        tagsOf(id)
          .filter((t) => byTag.has(t))
          .map((t) => timeline(t).depth);

      const on = byId.online;
      const off = byId['online-offline'];
      const fixed = byId['online-fixed'];
      const seq = byId['online-sequential'];
      const L = latencyMs;
      const limit = ONLINE_TARGET.roundTrips * L + ONLINE_TARGET.fixedMs;
      const name = `online − offline (${L} ms per answer)`;
      const goal = `≤ ${ONLINE_TARGET.roundTrips} × ${L} + ${ONLINE_TARGET.fixedMs} ms`;
      if (ok(on) && ok(off)) {
        const extra = on.medianMs - off.medianMs;
        target(name, `+${fmtMs(extra)}`, goal, extra <= limit);
      } else target(name, 'n/a', goal, false, 'a run failed');
      if (ok(seq) && ok(off)) {
        const extra = seq.medianMs - off.medianMs;
        target('same calls one after another − offline', `+${fmtMs(extra)}`, '(info)', null);
        if (ok(on))
          target(
            'sequential / online (extra time)',
            `${(extra / (on.medianMs - off.medianMs)).toFixed(2)}×`,
            '(info)',
            null
          );
      }
      const n = EXPECTED.api + EXPECTED.fapi + EXPECTED.dns;
      target(
        'calls made (gate and sequential)',
        `${n}: ${EXPECTED.api} Clerk API, ${EXPECTED.fapi} Frontend API, ${EXPECTED.dns} DNS`,
        '(info)',
        null
      );
      if (ok(on) && ok(off) && L > 0) {
        const implied = (on.medianMs - off.medianMs - ONLINE_TARGET.fixedMs) / L;
        target(
          `round trips implied: (online − offline − ${ONLINE_TARGET.fixedMs}) / ${L}`,
          implied.toFixed(2),
          '(info)',
          null
        );
      }
      // At 0 ms the online part's CPU work (loading undici, TLS, the HTTP parser, validating bodies) runs end to
      // end; with latency most of it overlaps the waits, so this is no fixed cost to subtract from the line above.
      if (ok(fixed) && ok(off)) {
        target(
          'online at 0 ms − offline',
          `+${fmtMs(fixed.medianMs - off.medianMs)}`,
          '(info: the online part’s CPU, mostly hidden behind the waits)',
          null
        );
      }
      const conns = (id) =>
        tagsOf(id)
          .map((t) => connections.get(t))
          .filter((n) => n !== undefined);
      if (conns('online').length) {
        target(
          'HTTP connections opened (API + Frontend API)',
          `gate ${median(conns('online'))}${conns('online-sequential').length ? `, sequential ${median(conns('online-sequential'))}` : ''}`,
          '(info: connection set-up gets no latency here)',
          null
        );
      }
      const gateDepths = depths('online');
      const seqDepths = depths('online-sequential');
      if (gateDepths.length) {
        const d = median(gateDepths);
        target(
          'round trips on the critical path (fakes’ log)',
          `gate ${d}${seqDepths.length ? `, sequential ${median(seqDepths)}` : ''}`,
          `(info; ≤ ${ONLINE_TARGET.roundTrips} wanted)`,
          null
        );
      }

      // One run of the gate, call by call: the timed run nearest the median (else the validation run).
      const timed = tagsOf('online').filter((t) => runs.get(t).phase === 'timed');
      let first = tagsOf('online').find((t) => byTag.has(t));
      if (ok(on) && timed.length === on.times.length) {
        const i = on.times.indexOf(
          [...on.times].sort((a, b) => Math.abs(a - on.medianMs) - Math.abs(b - on.medianMs))[0]
        );
        if (byTag.has(timed[i])) first = timed[i];
      }
      const lines = [
        `online cases: fakes add ${L} ms to every HTTP response and DNS answer; NODE_EXTRA_CA_CERTS = their ` +
          'throw-away CA in all four (offline included)',
        ''
      ];
      if (first !== undefined) {
        const { entries } = timeline(first);
        const ms = (x) => `+${(x ?? NaN).toFixed(0).padStart(3)}`;
        const short = (call) =>
          call
            .replace(IDS.application, '{app}')
            .replace(IDS.domain, '{domain}')
            .replace(/^GET https:\/\//, 'GET ');
        lines.push(
          `online timeline: the gate, one ${runs.get(first).phase} run (ms after its first request: received → answered)`
        );
        const conn = (e) =>
          e.connection === undefined ? '' : `  [connection ${e.connection}${e.newConnection ? ', new' : ''}]`;
        for (const e of entries)
          lines.push(`  round ${e.depth}  ${ms(e.at)} → ${ms(e.done)}  ${short(e.call)}${conn(e)}`);
      }
      return {
        lines,
        results: {
          latencyMs: L,
          target: {
            ...ONLINE_TARGET,
            limitMs: limit,
            onlineMinusOfflineMs: ok(on) && ok(off) ? on.medianMs - off.medianMs : null
          },
          expectedCalls: EXPECTED,
          criticalPathRoundTrips: { gate: gateDepths, sequential: seqDepths },
          httpConnections: { gate: conns('online'), sequential: conns('online-sequential') },
          timeline: first === undefined ? [] : timeline(first).entries.map(({ tag: _tag, ...e }) => e),
          domain: DOMAIN
        }
      };
    },
    close: () => fakes.close()
  };
}
