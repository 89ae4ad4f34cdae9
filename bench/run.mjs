#!/usr/bin/env node
// Benchmark: clerk-production-gate vs secretlint (recommended preset) vs bare `node -e 0`.
// See bench/README.md for what is measured and how.
//
//   npm run bench [-- options]      (build first: npm run build)
//
// Options:
//   --sizes 1000,10000   tree sizes (files) to generate and scan
//   --runs N             exactly N timed runs per case (default: adaptive, see --budget)
//   --budget S           adaptive mode: ~S seconds of timed runs per case (default 20),
//                        clamped to 5..30 runs (3 if a single run takes over 20 s)
//   --mem-runs N         peak-RSS runs per case (default 3; 1 if a single run takes over 20 s)
//   --mem time|preload   peak-RSS method (default: GNU time if available, else preload)
//   --cli PATH           the CLI to measure (default dist/cli.js)
//   --no-cli             skip clerk-production-gate (e.g. before dist/cli.js is built)
//   --no-secretlint      skip secretlint
//   --secretlint-sizes L tree sizes to run secretlint on (default: all of --sizes)
//   --strict             exit 1 when a target is missed (a failed run always exits 1)
//   --force-trees        regenerate the trees even if they are up to date
//   --keep-env           pass NODE_OPTIONS / NODE_EXTRA_CA_CERTS / NODE_V8_COVERAGE to the measured
//                        processes (by default they are removed: they add work to every Node start)
//   --no-online          skip the online cases (the gate against fake Clerk APIs and DNS, bench/online.mjs)
//   --only-online        run only the online cases (and node -e 0): no trees, no secretlint
//   --only-startup       run only the start-up cases: node -e 0, the CLI and the action on the typical project
//   --online-latency MS  latency the fakes add to every HTTP response and DNS answer (default 200)
//   --no-bundle          skip the bundle scan (the gate's --build-dir on generated 10 and 100 MiB client bundles,
//                        Vite-shaped, and 100 MiB next-build-shaped, against grep -rcE on the same files; and its
//                        peak RSS when 6 findings each read a 16 MB source map; bench/bundle-tree.mjs)

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import {
  BUNDLE_SIZES_MIB,
  GREP_PATTERN,
  MAP_CHUNKS,
  MAP_TREE_MIB,
  SCANNED_EXTENSIONS,
  ensureBundleTree
} from './bundle-tree.mjs';
import { ROOT_DIR, TREES_DIR, ensureSizedTree, ensureTypicalTree, loadCorpus, treeName } from './generate-tree.mjs';
import { setupOnline } from './online.mjs';

const TARGETS = {
  /** secretlint median / clerk-production-gate median on the 1,000-file tree. */
  speedupVsSecretlint: 2,
  /** clerk-production-gate on the typical project / `node -e 0`. */
  typicalVsNodeStart: 2,
  /** The action (dist/index.js) on the typical project, offline, / `node -e 0`. */
  actionVsNodeStart: 2,
  /** Peak RSS on the largest tree / peak RSS on the smallest tree ("flat" memory); also 100 / 10 MiB bundles. */
  memoryGrowth: 1.5,
  /** clerk-production-gate --build-dir / grep -rcE on the 100 MiB bundles, Vite- and next-build-shaped (at most). */
  bundleVsGrep: 2,
  /** Peak RSS of a bundle scan that reads 6 source maps of 16 MB (MiB, under). */
  mapsPeakRssMiB: 1024
};
const SLOW_RUN_MS = 20_000;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string' },
    budget: { type: 'string', default: '20' },
    'mem-runs': { type: 'string', default: '3' },
    mem: { type: 'string' },
    cli: { type: 'string', default: 'dist/cli.js' },
    'no-cli': { type: 'boolean', default: false },
    'no-secretlint': { type: 'boolean', default: false },
    'secretlint-sizes': { type: 'string' },
    strict: { type: 'boolean', default: false },
    'force-trees': { type: 'boolean', default: false },
    'keep-env': { type: 'boolean', default: false },
    'no-online': { type: 'boolean', default: false },
    'only-online': { type: 'boolean', default: false },
    'only-startup': { type: 'boolean', default: false },
    'online-latency': { type: 'string', default: '200' },
    'no-bundle': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false }
  }
});
if (opts.help) {
  const src = readFileSync(new URL(import.meta.url), 'utf8');
  console.log(
    src
      .split('\n')
      .slice(1) // the shebang; the help is the comment block that follows it
      .filter((l, i, all) => l.startsWith('//') && all.slice(0, i).every((p) => p.startsWith('//')))
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n')
  );
  process.exit(0);
}

const onlyOnline = opts['only-online'];
const onlyStartup = opts['only-startup'];
if (onlyStartup) Object.assign(opts, { 'no-secretlint': true, 'no-bundle': true, 'no-online': true });
const sizes = (onlyOnline || onlyStartup ? '' : opts.sizes)
  .split(',')
  .map((s) => Number(s.replace(/_/g, '')))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const fixedRuns = opts.runs ? Math.max(1, Number(opts.runs)) : undefined;
const budgetMs = Number(opts.budget) * 1000;
const memRuns = Math.max(1, Number(opts['mem-runs']));

const NODE = process.execPath;
const CLI = resolve(ROOT_DIR, opts.cli);
const ACTION = join(ROOT_DIR, 'dist', 'index.js');
const SECRETLINT = join(ROOT_DIR, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
const SECRETLINTRC = 'bench/.secretlintrc.json';

const fmtInt = (n) => n.toLocaleString('en-US');
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const fmtMiB = (kib) => (kib == null ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);
const fmtX = (x) => (x == null || !Number.isFinite(x) ? 'n/a' : `${x.toFixed(2)}×`);
/** Ratios are judged as displayed (2 decimals), so a printed "1.50×" never PASSes a "< 1.5×" target. */
const r2 = (x) => Math.round(x * 100) / 100;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------------------
// Preconditions.

if (!opts['no-cli'] && !existsSync(CLI)) {
  log(`error: ${relative(ROOT_DIR, CLI)} not found. Build it first (npm run build), or pass --no-cli.`);
  process.exit(1);
}
if (!opts['no-secretlint'] && !existsSync(SECRETLINT)) {
  log(
    `error: ${relative(ROOT_DIR, SECRETLINT)} not found (npm ci installs it as a devDependency), or pass --no-secretlint.`
  );
  process.exit(1);
}

// Environment of the measured processes. Variables that make every Node process do extra work at start
// (NODE_EXTRA_CA_CERTS: parse a CA bundle, ~45 ms here; NODE_OPTIONS: anything) would inflate the
// `node -e 0` baseline and every case alike, hiding the tools' own cost; remove them unless --keep-env.
const SCRUBBED = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'NODE_V8_COVERAGE'];
const childEnv = { ...process.env };
const scrubbed = opts['keep-env'] ? [] : SCRUBBED.filter((k) => k in childEnv);
for (const k of scrubbed) delete childEnv[k];

const tmp = mkdtempSync(join(tmpdir(), 'cpg-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** Peak RSS method: GNU time (`-f %M`, KiB, from wait4's ru_maxrss) or a preloaded exit hook. */
function detectMemMethod() {
  if (opts.mem === 'preload') return 'preload';
  const out = join(tmp, 'probe');
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, NODE, '-e', '0'], { stdio: 'ignore', env: childEnv });
  const ok = r.status === 0 && /^\d+\s*$/.test(readFileSync(out, { encoding: 'utf8', flag: 'a+' }));
  if (opts.mem === 'time' && !ok) {
    log('error: --mem time requested but GNU time (/usr/bin/time -f %M) does not work here');
    process.exit(1);
  }
  return ok ? 'time' : 'preload';
}
const memMethod = detectMemMethod();
const PRELOAD =
  'data:text/javascript,import{appendFileSync}from"node:fs";' +
  'process.on("exit",()=>appendFileSync(process.env.BENCH_MAXRSS_FILE,process.resourceUsage().maxRSS+"\\n"))';

// ---------------------------------------------------------------------------
// Trees and cases.

const corpus = loadCorpus();
if (corpus.source === 'builtin') log('note: real corpus not found; trees use the small built-in corpus (see README)');
const trees = Object.fromEntries(sizes.map((n) => [n, ensureSizedTree(n, { corpus, force: opts['force-trees'] })]));
const typical = onlyOnline ? undefined : ensureTypicalTree({ corpus, force: opts['force-trees'] });

const rel = (p) => relative(ROOT_DIR, p).split('\\').join('/');
const globFor = (n) => `${rel(join(TREES_DIR, treeName(n)))}/**/.env*`;

/**
 * A case: argv (run with cwd = repo root unless the case sets `cwd`, no shell, so globs reach the tool unexpanded),
 * the exit codes that count as success, and how to read the number of files scanned from stdout.
 */
const cases = [];
cases.push({ id: 'node', label: 'node -e 0', tool: 'node', files: 0, argv: [NODE, '-e', '0'], ok: [0] });
if (!opts['no-cli'] && !onlyOnline) {
  // Every file must be accounted for: read, or listed as skipped (a template, another mode's file).
  const cliCount = (stdout) => {
    const report = JSON.parse(stdout);
    if (!Array.isArray(report?.sources) || !Array.isArray(report?.skipped)) return undefined;
    return report.sources.filter((s) => s.kind === 'file').length + report.skipped.length;
  };
  cases.push({
    id: 'cli-typical',
    label: 'clerk-production-gate, typical (3)',
    tool: 'cli',
    files: typical.manifest.files,
    argv: [NODE, rel(CLI), '--offline', '--format', 'json', rel(typical.dir)],
    ok: [0, 1],
    count: cliCount
  });
  if (existsSync(ACTION)) cases.push(actionTypicalCase());
  for (const n of sizes) {
    cases.push({
      id: `cli-${n}`,
      label: `clerk-production-gate, ${fmtInt(n)}`,
      tool: 'cli',
      size: n,
      files: n,
      argv: [NODE, rel(CLI), '--offline', '--format', 'json', globFor(n)],
      ok: [0, 1],
      count: cliCount
    });
  }
}
// The lower bound (bench/floor.mjs: walk, read, dotenv's regex, a JSON report; none of the gate's checks), on
// the tree the speed target is judged on: what no Node tool doing this job can beat on this machine.
const SPEED_SIZE = sizes.includes(1000) ? 1000 : sizes[0];
if (!opts['no-cli'] && SPEED_SIZE !== undefined) {
  cases.push({
    id: `floor-${SPEED_SIZE}`,
    label: `lower bound (floor.mjs), ${fmtInt(SPEED_SIZE)}`,
    tool: 'floor',
    size: SPEED_SIZE,
    files: SPEED_SIZE,
    argv: [NODE, 'bench/floor.mjs', globFor(SPEED_SIZE)],
    ok: [0, 1],
    count: (stdout) => JSON.parse(stdout).sources.length
  });
}
if (!opts['no-secretlint'] && !onlyOnline) {
  const only = opts['secretlint-sizes']?.split(',').map((n) => Number(n.replace(/_/g, '')));
  for (const n of sizes.filter((size) => !only || only.includes(size))) {
    cases.push({
      id: `secretlint-${n}`,
      label: `secretlint, ${fmtInt(n)}`,
      tool: 'secretlint',
      size: n,
      files: n,
      // --no-gitignore: secretlint 13 honours .gitignore by default, and bench/.trees/ is gitignored,
      // so without it secretlint would scan nothing. --format json to match the CLI's output mode.
      argv: [NODE, rel(SECRETLINT), globFor(n), '--secretlintrc', SECRETLINTRC, '--no-gitignore', '--format', 'json'],
      ok: [0, 1],
      count: (stdout) => {
        const results = JSON.parse(stdout);
        return Array.isArray(results) ? results.length : undefined;
      }
    });
  }
}

// The bundle scan (bench/bundle-tree.mjs): the gate's --build-dir on a generated Vite-style client bundle of 100 MiB
// (and 10 MiB, same files a tenth the size, for memory), against grep -rcE reading the same files (--include: the
// six extensions the gate scans, so neither reads the .map files, fonts or images). Both run in an empty directory:
// the gate also reads the dotenv files of its paths (default: the working directory), and there must be none.
let bundle;
if (!opts['no-bundle'] && !onlyOnline) {
  const grepVersion = spawnSync('grep', ['--version'], { encoding: 'utf8', env: childEnv }).stdout?.split('\n')[0];
  if (!grepVersion?.includes('GNU grep')) {
    log(`error: the bundle scan needs GNU grep (--include, -r); found ${grepVersion || 'none'}. --no-bundle skips it.`);
    process.exit(1);
  }
  const cwd = join(tmp, 'bundle-cwd');
  mkdirSync(cwd);
  const [smallMiB, largeMiB] = BUNDLE_SIZES_MIB;
  const bundleTrees = Object.fromEntries(
    BUNDLE_SIZES_MIB.map((mib) => [mib, ensureBundleTree(mib, { force: opts['force-trees'], log })])
  );
  // The same scan on a `next build` output (~180 chunks of 0.5 MiB), and a tree whose 6 findings each read a 16 MB map.
  const next = ensureBundleTree(largeMiB, { force: opts['force-trees'], log, shape: 'next' });
  const maps = ensureBundleTree(MAP_TREE_MIB, { force: opts['force-trees'], log, shape: 'maps' });
  bundle = { grepVersion, cwd, smallMiB, largeMiB, trees: bundleTrees, next, maps };
  cases.push({
    id: `bundle-next-grep-${largeMiB}m`,
    label: `grep -rcE, next build ${largeMiB} MiB`,
    tool: 'grep',
    files: next.manifest.files,
    argv: ['grep', '-rcE', ...SCANNED_EXTENSIONS.map((e) => `--include=*${e}`), GREP_PATTERN, next.dir],
    cwd,
    ok: [0],
    count: (stdout) => stdout.split('\n').filter(Boolean).length
  });
  if (!opts['no-cli']) {
    cases.push({
      id: `bundle-next-cli-${largeMiB}m`,
      label: `clerk-production-gate --build-dir, next build ${largeMiB} MiB`,
      tool: 'cli',
      files: next.manifest.files,
      argv: [NODE, CLI, '--offline', '--build-dir', next.dir, '--environment', 'production', '--format', 'json'],
      cwd,
      ok: [1],
      validate: (stdout) => validateBundleReport(stdout, next.manifest),
      count: (stdout) => countBundleFiles(JSON.parse(stdout))
    });
    cases.push({
      id: 'bundle-maps-cli',
      label: `clerk-production-gate --build-dir, ${MAP_CHUNKS} findings with 16 MB maps`,
      tool: 'cli',
      files: maps.manifest.files,
      argv: [NODE, CLI, '--offline', '--build-dir', maps.dir, '--environment', 'production', '--format', 'json'],
      cwd,
      ok: [1],
      // Every finding must carry its original position: a scan that skipped the maps would look light.
      validate: (stdout) => {
        const findings = JSON.parse(stdout).findings ?? [];
        const mapped = findings.filter((f) => f.original_location).length;
        return findings.length === MAP_CHUNKS && mapped === MAP_CHUNKS
          ? undefined
          : `${findings.length} findings, ${mapped} with an original position; expected ${MAP_CHUNKS} of each`;
      },
      count: (stdout) => countBundleFiles(JSON.parse(stdout))
    });
  }
  const large = bundleTrees[largeMiB];
  const plantedName = large.manifest.planted.path.split('/').pop();
  cases.push({
    id: `bundle-grep-${largeMiB}m`,
    label: `grep -rcE, bundle ${largeMiB} MiB`,
    tool: 'grep',
    files: large.manifest.files,
    argv: ['grep', '-rcE', ...SCANNED_EXTENSIONS.map((e) => `--include=*${e}`), GREP_PATTERN, large.dir],
    cwd,
    ok: [0],
    // -c prints one `path:count` line per file read: the file count, and the planted key's file must count.
    count: (stdout) => stdout.split('\n').filter(Boolean).length,
    validate: (stdout) => {
      const line = stdout.split('\n').find((l) => l.startsWith(join(large.dir, large.manifest.planted.path) + ':'));
      return line && Number(line.split(':').pop()) >= 1 ? undefined : `no match counted in ${plantedName}`;
    }
  });
  if (!opts['no-cli']) {
    // The lower bound of the scan in Node (bundle-tree.mjs --floor: read every file through one reused buffer,
    // two memchr passes for the scanner's anchors), for information, as floor.mjs is for the dotenv trees.
    cases.push({
      id: `bundle-floor-${largeMiB}m`,
      label: `lower bound (bundle-tree.mjs --floor), ${largeMiB} MiB`,
      tool: 'floor',
      files: large.manifest.files,
      argv: [NODE, join(ROOT_DIR, 'bench', 'bundle-tree.mjs'), '--floor', large.dir],
      cwd,
      ok: [0],
      count: (stdout) => JSON.parse(stdout).files
    });
    for (const mib of [largeMiB, smallMiB]) {
      const t = bundleTrees[mib];
      cases.push({
        id: `bundle-cli-${mib}m`,
        label: `clerk-production-gate --build-dir, ${mib} MiB`,
        tool: 'cli',
        files: t.manifest.files,
        argv: [NODE, CLI, '--offline', '--build-dir', t.dir, '--environment', 'production', '--format', 'json'],
        cwd,
        // The tree holds one development publishable key: a clean exit means the gate missed it.
        ok: [1],
        okNote: `expected 1: the tree holds the development key ${large.manifest.planted.key.slice(0, 12)}… in ${plantedName}`,
        validate: (stdout) => validateBundleReport(stdout, t.manifest),
        count: (stdout) => countBundleFiles(JSON.parse(stdout))
      });
    }
  }
}

/**
 * The gate's report on a bundle tree: exactly one finding, the planted key where it was planted, and no dotenv file
 * read (the run's directory is empty), so a gate that scans nothing, or stops early, cannot look fast.
 */
function validateBundleReport(stdout, manifest) {
  const report = JSON.parse(stdout);
  if (report.passed !== false) return 'the report says passed';
  if (report.sources?.length) return `read ${report.sources.length} variable source(s); expected none`;
  const findings = report.findings ?? [];
  const planted = findings.filter(
    (f) =>
      f.value?.startsWith('pk_test_') &&
      f.value.endsWith(manifest.planted.key.slice(-4)) &&
      f.location?.file?.replaceAll('\\', '/').endsWith(`/${manifest.planted.path}`)
  );
  if (planted.length !== 1) return `the planted key in ${manifest.planted.path} was not reported`;
  if (findings.length !== 1) {
    const others = findings
      .filter((f) => !planted.includes(f))
      .map((f) => `${f.rule} ${f.value} (${f.location?.file})`);
    return `${findings.length} findings, expected only the planted key; also: ${others.join('; ')}`;
  }
  return undefined;
}

/** Files the gate scanned, from its bundle checks' details ("… in 64 files (100.0 MB) of DIR"). */
function countBundleFiles(report) {
  const counts = (report.checks ?? [])
    .filter((c) => c.id?.startsWith('bundle-'))
    .map((c) => /\bin ([\d,]+) files?\b/.exec(c.detail ?? '')?.[1])
    .filter(Boolean)
    .map((n) => Number(n.replaceAll(',', '')));
  return counts.length && counts.every((n) => n === counts[0]) ? counts[0] : undefined;
}

// The online cases (bench/online.mjs): the gate offline and online on one healthy production project, against
// fakes that add --online-latency to every answer, and the same calls one after another. The fakes run in a worker
// thread, so they answer while spawnSync blocks this one. Each case carries its env, hooks around every run (the
// fakes' latency, a tag for their log, the counts of what they served) and a check of its output.
let online;
if (!opts['no-cli'] && !opts['no-online']) {
  try {
    const latencyMs = Number(opts['online-latency']);
    // Rounds are read from the fakes' log, which needs the latency well above the gate's own work between calls.
    if (!Number.isInteger(latencyMs) || latencyMs < 50) throw new Error('--online-latency must be an integer ≥ 50');
    online = await setupOnline({ tmp, node: NODE, cli: rel(CLI), env: childEnv, latencyMs });
    cases.push(...online.cases);
  } catch (e) {
    log(`error: the online cases could not start (${e.message}); --no-online skips them`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------
// Running.

function describeFailure(r) {
  if (r.error) return r.error.message;
  if (r.signal) return `killed by ${r.signal}`;
  const err = (r.stderr ?? '').toString().trim().split('\n').slice(-5).join('\n    ');
  return `exit code ${r.status}${err ? `\n    ${err}` : ''}`;
}

/**
 * stderr of timed and memory runs goes to a file, not a pipe: the tools may print many notes there
 * (the CLI reports every line dotenv ignores) and a pipe would add parent-side work and a buffer limit.
 */
function stderrFile(c) {
  const path = join(tmp, `stderr-${c.id}`);
  return { path, fd: openSync(path, 'w') };
}
function check(c, r, err) {
  closeSync(err.fd);
  if (r.error || r.signal || !c.ok.includes(r.status)) {
    throw new Error(`${c.label}: ${describeFailure({ ...r, stderr: readFileSync(err.path, 'utf8').slice(-4000) })}`);
  }
  try {
    c.afterRun?.();
  } catch (e) {
    throw new Error(`${c.label}: ${e.message}`);
  }
}

/** One timed run: stdout to /dev/null (as hyperfine does). */
function timedRun(c) {
  const err = stderrFile(c);
  c.beforeRun?.('timed');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.argv[0], c.argv.slice(1), {
    cwd: c.cwd ?? ROOT_DIR,
    stdio: ['ignore', 'ignore', err.fd],
    env: c.env ?? childEnv
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  check(c, r, err);
  return ms;
}

/** One peak-RSS run, in KiB. */
function memRun(c) {
  const out = join(tmp, `mem-${c.id}`);
  writeFileSync(out, '');
  const [cmd, ...args] =
    memMethod === 'time'
      ? ['/usr/bin/time', '-f', '%M', '-o', out, ...c.argv]
      : [c.argv[0], '--import', PRELOAD, ...c.argv.slice(1)];
  const err = stderrFile(c);
  c.beforeRun?.('memory');
  const r = spawnSync(cmd, args, {
    cwd: c.cwd ?? ROOT_DIR,
    stdio: ['ignore', 'ignore', err.fd],
    env: { ...(c.env ?? childEnv), BENCH_MAXRSS_FILE: out }
  });
  check(c, r, err);
  // GNU time writes "Command exited with non-zero status N" before the value when N != 0.
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  const kib = Number(lines[lines.length - 1]);
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`${c.label}: could not read peak RSS (${lines.join(' | ')})`);
  return kib;
}

const failures = [];
const warnings = [];

// 1. Validation + warm-up: one run per case with stdout captured; checks the exit code and that the
//    tool really scanned the whole tree (a tool that silently scans nothing would look very fast).
log(`\nvalidating (1 warm-up run per case)...`);
for (const c of cases) {
  c.beforeRun?.('validation');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(c.argv[0], c.argv.slice(1), {
    cwd: c.cwd ?? ROOT_DIR,
    env: c.env ?? childEnv,
    maxBuffer: 1024 * 1024 * 1024
  });
  c.warmupMs = Number(process.hrtime.bigint() - t0) / 1e6;
  c.exitCode = r.status;
  if (r.error || r.signal || !c.ok.includes(r.status)) {
    c.failed = describeFailure(r) + (c.okNote && r.status != null ? ` (${c.okNote})` : '');
    failures.push(`${c.label}: ${c.failed}`);
    log(`  FAIL ${c.label}: ${c.failed}`);
    continue;
  }
  // Online cases: what the fakes served, and the report's online checks (a run that skipped the network fails).
  try {
    c.afterRun?.();
    c.failed = c.validate?.(r.stdout.toString('utf8'));
  } catch (e) {
    c.failed = e.message;
  }
  if (c.failed) {
    failures.push(`${c.label}: ${c.failed}`);
    log(`  FAIL ${c.label}: ${c.failed}`);
    continue;
  }
  if (c.count) {
    try {
      c.scanned = c.count(r.stdout.toString('utf8'));
    } catch (e) {
      c.scanned = undefined;
      warnings.push(`${c.label}: could not parse JSON output (${e.message})`);
    }
    if (c.scanned === undefined) {
      warnings.push(`${c.label}: could not verify the number of files scanned`);
    } else if (c.scanned !== c.files) {
      c.failed = `scanned ${c.scanned} files, expected ${c.files}`;
      failures.push(`${c.label}: ${c.failed}`);
    }
  }
  log(
    `  ok   ${c.label}: exit ${r.status}, ${fmtMs(c.warmupMs)}` +
      (c.count ? `, ${c.scanned ?? '?'} files scanned` : '') +
      (c.failed ? `  <-- ${c.failed}` : '')
  );
}

// 2. Timed runs, interleaved round-robin across cases so drift (thermal, background load) hits all alike.
const live = cases.filter((c) => !c.failed);
for (const c of live) {
  c.runs =
    fixedRuns ??
    (c.warmupMs > SLOW_RUN_MS ? 3 : Math.min(30, Math.max(5, Math.floor(budgetMs / Math.max(c.warmupMs, 1)))));
  c.times = [];
}
const totalRuns = live.reduce((s, c) => s + c.runs, 0);
log(`\ntiming (${totalRuns} runs, interleaved)...`);
for (let round = 0; live.some((c) => !c.failed && c.times.length < c.runs); round++) {
  for (const c of live) {
    if (c.failed || c.times.length >= c.runs) continue;
    try {
      c.times.push(timedRun(c));
    } catch (e) {
      c.failed = e.message;
      failures.push(e.message);
    }
  }
  if (process.stderr.isTTY) process.stderr.write(`\r  round ${round + 1}`);
}
if (process.stderr.isTTY) process.stderr.write('\n');

// 3. Peak RSS, in separate runs so the wrapper does not touch the timings.
log(`\npeak memory (${memMethod === 'time' ? 'GNU time %M' : 'preloaded process.resourceUsage().maxRSS'})...`);
for (const c of live) {
  if (c.failed) continue;
  const n = c.warmupMs > SLOW_RUN_MS ? 1 : memRuns;
  c.mem = [];
  try {
    for (let i = 0; i < n; i++) c.mem.push(memRun(c));
  } catch (e) {
    c.failed = e.message;
    failures.push(e.message);
  }
}

// The fakes' log: every online run made exactly the gate's calls, each answered.
if (online) await online.collect({ byId: Object.fromEntries(cases.map((c) => [c.id, c])), failures });

// ---------------------------------------------------------------------------
// Results.

for (const c of cases) {
  if (c.times?.length) {
    c.medianMs = median(c.times);
    c.minMs = Math.min(...c.times);
    c.maxMs = Math.max(...c.times);
  }
  if (c.mem?.length) c.peakRssKiB = median(c.mem);
}
const byId = Object.fromEntries(cases.map((c) => [c.id, c]));
const ok = (c) => c && !c.failed && c.medianMs != null;
const base = byId.node;

const header = ['case', 'files', 'runs', 'median', 'min', 'max', '× node -e 0', 'peak RSS'];
const rows = cases.map((c) => [
  c.label,
  c.files ? fmtInt(c.scanned ?? c.files) : '-',
  c.times ? String(c.times.length) : '-',
  ok(c) ? fmtMs(c.medianMs) : c.failed ? 'FAILED' : 'n/a',
  ok(c) ? fmtMs(c.minMs) : '',
  ok(c) ? fmtMs(c.maxMs) : '',
  ok(c) && ok(base) ? fmtX(c.medianMs / base.medianMs) : '',
  fmtMiB(c.peakRssKiB)
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((s, i) => (i === 0 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ');

console.log(
  `\nclerk-production-gate benchmark — node ${process.version}, ${platform()} ${release()}, ${cpus().length} CPU (${cpus()[0]?.model ?? '?'})`
);
console.log(
  `wall time: median of N runs, stdout to /dev/null; peak RSS: median of ${memRuns} run(s) (${memMethod === 'time' ? 'GNU time %M' : 'preload hook'})`
);
if (scrubbed.length)
  console.log(`removed from the measured processes' environment: ${scrubbed.join(', ')} (--keep-env to keep)`);
console.log('');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

// Comparisons and targets.
const checks = [];
const small = SPEED_SIZE;
const large = sizes[sizes.length - 1];
const target = (name, value, goal, pass, note) => checks.push({ name, value, goal, pass, note });

for (const n of sizes) {
  const cli = byId[`cli-${n}`];
  const sl = byId[`secretlint-${n}`];
  if (ok(cli) && ok(sl)) {
    const x = sl.medianMs / cli.medianMs;
    const speed = x >= 1 ? `${fmtX(x)} faster` : `${fmtX(1 / x)} slower`;
    if (n === small) {
      target(
        `speed vs secretlint, ${fmtInt(n)} files`,
        speed,
        `≥ ${TARGETS.speedupVsSecretlint}×`,
        r2(x) >= TARGETS.speedupVsSecretlint
      );
    } else {
      target(`speed vs secretlint, ${fmtInt(n)} files`, speed, '(info)', null);
    }
  } else if (n === small && !opts['no-cli'] && !opts['no-secretlint']) {
    target(
      `speed vs secretlint, ${fmtInt(n)} files`,
      'n/a',
      `≥ ${TARGETS.speedupVsSecretlint}×`,
      false,
      'a run failed'
    );
  }
}
{
  const floor = byId[`floor-${small}`];
  const sl = byId[`secretlint-${small}`];
  const cli = byId[`cli-${small}`];
  if (ok(floor) && ok(sl)) {
    target(
      `lower bound vs secretlint, ${fmtInt(small)} files`,
      `${fmtX(sl.medianMs / floor.medianMs)} faster`,
      '(info: the most any tool could reach)',
      null
    );
  }
  if (ok(floor) && ok(cli)) {
    target(
      `clerk-production-gate vs lower bound, ${fmtInt(small)}`,
      `${fmtX(cli.medianMs / floor.medianMs)} (+${fmtMs(cli.medianMs - floor.medianMs)})`,
      '(info: the cost of the checks)',
      null
    );
  }
}
const act = byId['action-typical'];
if (act) {
  const name = 'action, typical project (3 files), offline, vs node -e 0';
  const goal = `< ${TARGETS.actionVsNodeStart}×`;
  if (ok(act) && ok(base)) {
    const x = act.medianMs / base.medianMs;
    target(name, `${fmtX(x)} (+${fmtMs(act.medianMs - base.medianMs)})`, goal, r2(x) < TARGETS.actionVsNodeStart);
  } else target(name, 'n/a', goal, false, 'a run failed');
}
let onlineReport;
if (online) onlineReport = online.report({ byId, ok, target });
const typ = byId['cli-typical'];
if (typ) {
  if (ok(typ) && ok(base)) {
    const x = typ.medianMs / base.medianMs;
    target(
      'typical project (3 files) vs node -e 0',
      `${fmtX(x)} (+${fmtMs(typ.medianMs - base.medianMs)})`,
      `< ${TARGETS.typicalVsNodeStart}×`,
      r2(x) < TARGETS.typicalVsNodeStart
    );
  } else {
    target('typical project (3 files) vs node -e 0', 'n/a', `< ${TARGETS.typicalVsNodeStart}×`, false, 'a run failed');
  }
}
if (sizes.length > 1) {
  for (const tool of ['cli', 'secretlint']) {
    const a = byId[`${tool}-${small}`];
    const b = byId[`${tool}-${large}`];
    if (!a || !b) continue;
    const name = `peak RSS ${fmtInt(large)} / ${fmtInt(small)} files, ${tool === 'cli' ? 'clerk-production-gate' : 'secretlint'}`;
    if (a.peakRssKiB && b.peakRssKiB) {
      const x = b.peakRssKiB / a.peakRssKiB;
      const flat = `< ${TARGETS.memoryGrowth}× ("flat")`;
      target(
        name,
        `${fmtX(x)} (${fmtMiB(a.peakRssKiB)} → ${fmtMiB(b.peakRssKiB)})`,
        tool === 'cli' ? flat : '(info)',
        tool === 'cli' ? r2(x) < TARGETS.memoryGrowth : null
      );
    } else if (tool === 'cli') {
      target(name, 'n/a', `< ${TARGETS.memoryGrowth}×`, false, 'a run failed');
    }
  }
}

// The bundle scan: the gate against grep on the 100 MiB bundle, and its memory on 10 vs 100 MiB (same files).
const bundleLines = [];
if (bundle) {
  const { smallMiB, largeMiB, trees: bt } = bundle;
  const grep = byId[`bundle-grep-${largeMiB}m`];
  const gate = byId[`bundle-cli-${largeMiB}m`];
  const gateSmall = byId[`bundle-cli-${smallMiB}m`];
  const floor = byId[`bundle-floor-${largeMiB}m`];
  const lm = bt[largeMiB].manifest;
  if (!opts['no-cli']) {
    const vsGrep = (name, gateCase, grepCase) => {
      const goal = `≤ ${TARGETS.bundleVsGrep}×`;
      if (!ok(grepCase) || !ok(gateCase)) return target(name, 'n/a', goal, false, 'a run failed');
      const x = gateCase.medianMs / grepCase.medianMs;
      const value = `${fmtX(x)} (${fmtMs(gateCase.medianMs)} / ${fmtMs(grepCase.medianMs)})`;
      return target(name, value, goal, r2(x) <= TARGETS.bundleVsGrep);
    };
    vsGrep(`bundle scan ${largeMiB} MiB, clerk-production-gate / grep`, gate, grep);
    if (ok(floor) && ok(grep)) {
      target(
        `bundle scan ${largeMiB} MiB, lower bound / grep`,
        `${fmtX(floor.medianMs / grep.medianMs)} (${fmtMs(floor.medianMs)})`,
        '(info: the least a Node scan costs)',
        null
      );
    }
    if (ok(floor) && ok(gate)) {
      target(
        `bundle scan ${largeMiB} MiB, clerk-production-gate / lower bound`,
        `${fmtX(gate.medianMs / floor.medianMs)} (+${fmtMs(gate.medianMs - floor.medianMs)})`,
        '(info)',
        null
      );
    }
    vsGrep(
      `bundle scan next build ${largeMiB} MiB, clerk-production-gate / grep`,
      byId[`bundle-next-cli-${largeMiB}m`],
      byId[`bundle-next-grep-${largeMiB}m`]
    );
    const mapsGate = byId['bundle-maps-cli'];
    const mapsName = `peak RSS, bundle scan reading ${MAP_CHUNKS} maps of 16 MB`;
    if (mapsGate?.peakRssKiB) {
      target(
        mapsName,
        fmtMiB(mapsGate.peakRssKiB),
        `< ${TARGETS.mapsPeakRssMiB} MiB`,
        mapsGate.peakRssKiB / 1024 < TARGETS.mapsPeakRssMiB
      );
    } else {
      target(mapsName, 'n/a', `< ${TARGETS.mapsPeakRssMiB} MiB`, false, 'a run failed');
    }
    const memName = `peak RSS bundle ${largeMiB} / ${smallMiB} MiB, clerk-production-gate`;
    if (gate?.peakRssKiB && gateSmall?.peakRssKiB) {
      const x = gate.peakRssKiB / gateSmall.peakRssKiB;
      target(
        memName,
        `${fmtX(x)} (${fmtMiB(gateSmall.peakRssKiB)} → ${fmtMiB(gate.peakRssKiB)})`,
        `< ${TARGETS.memoryGrowth}× ("flat")`,
        r2(x) < TARGETS.memoryGrowth
      );
    } else {
      target(memName, 'n/a', `< ${TARGETS.memoryGrowth}×`, false, 'a run failed');
    }
  }
  const mbps = (c, bytes) => (ok(c) ? `${((bytes / 1e6 / c.medianMs) * 1000).toFixed(0)} MB/s` : '');
  const row = (label, c, note = '') =>
    `  ${label.padEnd(34)} ${(ok(c) ? fmtMs(c.medianMs) : c?.failed ? 'FAILED' : 'n/a').padStart(9)}  ${note}`.trimEnd();
  bundleLines.push(
    `bundle scan: ${rel(bt[largeMiB].dir)}, ${lm.files} files, ${(lm.scannedBytes / 2 ** 20).toFixed(1)} MiB scanned ` +
      `(largest ${(lm.largest.bytes / 2 ** 20).toFixed(2)} MiB, minified on one line); ${lm.otherFiles} files not scanned ` +
      `(.map, fonts, images: ${(lm.otherBytes / 2 ** 20).toFixed(1)} MiB); cwd: an empty directory`,
    row('node -e 0 (Node start-up)', base),
    row(`grep -rcE, ${largeMiB} MiB`, grep, `${mbps(grep, lm.scannedBytes)}; ${bundle.grepVersion}`)
  );
  if (!opts['no-cli']) {
    const sm = bt[smallMiB].manifest;
    bundleLines.push(
      row(`lower bound, ${largeMiB} MiB`, floor, `${mbps(floor, lm.scannedBytes)}; read + 2 memchr passes, in Node`),
      row(
        `clerk-production-gate, ${largeMiB} MiB`,
        gate,
        ok(gate) && ok(base)
          ? `${mbps(gate, lm.scannedBytes)}; ${fmtMs(gate.medianMs - base.medianMs)} over node -e 0` +
              (ok(grep) ? `, ${fmtMs(gate.medianMs - grep.medianMs)} over grep` : '')
          : ''
      ),
      row(`clerk-production-gate, ${smallMiB} MiB`, gateSmall, mbps(gateSmall, sm.scannedBytes)),
      `  peak RSS, clerk-production-gate: ${fmtMiB(gateSmall?.peakRssKiB)} (${smallMiB} MiB, largest file ` +
        `${(sm.largest.bytes / 2 ** 20).toFixed(2)} MiB) → ${fmtMiB(gate?.peakRssKiB)} (${largeMiB} MiB, largest ` +
        `${(lm.largest.bytes / 2 ** 20).toFixed(2)} MiB); grep ${fmtMiB(grep?.peakRssKiB)}`
    );
  }
}

if (checks.length) {
  const cw = [
    Math.max(...checks.map((c) => c.name.length)),
    Math.max(...checks.map((c) => c.value.length)),
    Math.max(...checks.map((c) => c.goal.length))
  ];
  console.log('\ntargets');
  for (const c of checks) {
    const verdict = c.pass === null ? '' : c.pass ? 'PASS' : 'MISS';
    console.log(
      `  ${c.name.padEnd(cw[0])}  ${c.value.padStart(cw[1])}  ${c.goal.padEnd(cw[2])}  ${verdict}${c.note ? ` (${c.note})` : ''}`
    );
  }
  if (sizes.length > 1)
    console.log(
      `\n  "flat" memory: peak RSS on the ${fmtInt(large)}-file tree under ${TARGETS.memoryGrowth}× the peak RSS on the ` +
        `${fmtInt(small)}-file tree (${fmtInt(large / small)}× the files).`
    );
}
if (bundleLines.length) console.log(`\n${bundleLines.join('\n')}`);
if (onlineReport?.lines.length) console.log(`\n${onlineReport.lines.join('\n')}`);
for (const w of warnings) console.log(`warning: ${w}`);
for (const f of failures) console.log(`FAILED: ${f}`);

const resultsPath = join(TREES_DIR, 'results.json');
let commit;
try {
  commit =
    spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT_DIR, encoding: 'utf8' }).stdout?.trim() || undefined;
} catch {
  commit = undefined;
}
writeFileSync(
  resultsPath,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemMiB: Math.round(totalmem() / 1024 / 1024),
      loadavg: loadavg(),
      memMethod,
      scrubbedEnv: scrubbed,
      corpus: { source: corpus.source, digest: corpus.digest },
      trees: {
        ...Object.fromEntries(Object.entries(trees).map(([n, t]) => [n, t.manifest])),
        typical: typical?.manifest
      },
      online: onlineReport?.results,
      bundle: bundle && {
        grepVersion: bundle.grepVersion,
        locale: { LANG: childEnv.LANG, LC_ALL: childEnv.LC_ALL, LC_CTYPE: childEnv.LC_CTYPE },
        trees: Object.fromEntries(
          Object.entries(bundle.trees).map(([mib, t]) => [mib, { ...t.manifest, fileList: undefined }])
        )
      },
      targets: TARGETS,
      cases: cases.map((c) => ({
        id: c.id,
        label: c.label,
        argv: c.argv.map((a) => (a === NODE ? 'node' : a)),
        files: c.files,
        scanned: c.scanned,
        exitCode: c.exitCode,
        failed: c.failed,
        warmupMs: c.warmupMs,
        runs: c.times?.length,
        medianMs: c.medianMs,
        minMs: c.minMs,
        maxMs: c.maxMs,
        timesMs: c.times,
        peakRssKiB: c.peakRssKiB,
        rssSamplesKiB: c.mem
      })),
      checks,
      failures,
      warnings
    },
    null,
    2
  )}\n`
);
console.log(`\nresults written to ${rel(resultsPath)}`);

if (failures.length) process.exit(1);
if (opts.strict && checks.some((c) => c.pass === false)) process.exit(1);

/**
 * The action bundle on the typical project as the runner starts a node24 action: cwd the workspace, INPUT_* for
 * every input of action.yml at its default (offline, no comment), the runner's files in a temporary directory.
 */
function actionTypicalCase() {
  const runner = mkdtempSync(join(tmp, 'runner-'));
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md' };
  const env = { ...childEnv, CI: 'true', GITHUB_ACTIONS: 'true', RUNNER_TEMP: runner, GITHUB_WORKSPACE: typical.dir };
  for (const [name, file] of Object.entries(files)) env[name] = join(runner, file);
  const yml = readFileSync(join(ROOT_DIR, 'action.yml'), 'utf8');
  // `name:` lines under `inputs:` with their `default:`, enough for this file's shape (two-space indented keys).
  const inputs = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'));
  for (const [, name, block] of inputs.matchAll(/^ {2}([a-z-]+):\n((?: {4}.*\n|\n)*)/gm)) {
    const value = /^ {4}default: ?(.*)$/m.exec(block)?.[1]?.replace(/^'(.*)'$/, '$1') ?? '';
    env[`INPUT_${name.toUpperCase()}`] = value.includes('${{') ? '' : value;
  }
  Object.assign(env, { INPUT_OFFLINE: 'true', INPUT_COMMENT: 'never', 'INPUT_ENV-FILES': '.' });
  return {
    id: 'action-typical',
    label: 'the action (dist/index.js), typical (3)',
    tool: 'action',
    files: typical.manifest.files,
    argv: [NODE, ACTION],
    cwd: typical.dir,
    env,
    // The runner creates these files, empty, before the step starts.
    beforeRun: () => {
      for (const name of Object.keys(files)) writeFileSync(env[name], '');
    },
    ok: [0, 1]
  };
}
