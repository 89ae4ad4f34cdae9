#!/usr/bin/env node
// Deterministic generator of dotenv trees for the benchmark (see bench/README.md).
//
//   node bench/generate-tree.mjs [--force] [1000 10000 ...]
//
// Trees go to bench/.trees/ (gitignored):
//   t<N>/      exactly N dotenv files (all named .env*), spread over project dirs
//   typical/   one Next.js app dir with .env, .env.production and .env.local
// Each tree has a manifest (bench/.trees/<name>.manifest.json). A tree is regenerated
// only when it is missing or its manifest does not match the current parameters
// (generator version, seed, size, corpus digest); --force regenerates anyway.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'clerk-production-gate-bench';
export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = dirname(BENCH_DIR);
export const TREES_DIR = join(BENCH_DIR, '.trees');
// The shared reference data sits beside the project root (../shared), as on the developers' machines and CI.
export const DEFAULT_CORPUS_DIR = process.env.BENCH_CORPUS_DIR ?? join(ROOT_DIR, '..', 'shared', 'corpus', 'dotenv');

// ---------------------------------------------------------------------------
// Seeded PRNG (sfc32 seeded from a SHA-256 of the seed string).

export function createRng(seed) {
  const h = createHash('sha256').update(String(seed)).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (arr) => arr[int(arr.length)],
    /** Weighted pick: items are [weight, value]. */
    weighted: (items) => {
      const total = items.reduce((s, [w]) => s + w, 0);
      let r = next() * total;
      for (const [w, v] of items) {
        if ((r -= w) < 0) return v;
      }
      return items[items.length - 1][1];
    }
  };
}

// ---------------------------------------------------------------------------
// Clerk keys.

const ADJECTIVES = [
  'relaxed',
  'present',
  'open',
  'light',
  'modern',
  'informed',
  'funny',
  'first',
  'fitting',
  'able',
  'star',
  'brave',
  'calm',
  'eager',
  'gentle',
  'happy',
  'jolly',
  'kind',
  'lively',
  'proud',
  'quick',
  'sharp',
  'smart',
  'sunny',
  'tender',
  'vital',
  'warm',
  'witty',
  'grand',
  'noble'
];
const ANIMALS = [
  'turkey',
  'fawn',
  'stinkbug',
  'labrador',
  'tiger',
  'bug',
  'hare',
  'baboon',
  'beagle',
  'parakeet',
  'halibut',
  'otter',
  'falcon',
  'lemur',
  'mole',
  'newt',
  'koala',
  'panda',
  'gecko',
  'heron',
  'ibex',
  'jackal',
  'lynx',
  'marmot',
  'ocelot',
  'puffin',
  'quail',
  'raven',
  'salmon',
  'walrus'
];
const LIVE_DOMAINS = ['example.com', 'acme.dev', 'shop.example.org', 'app.example.io', 'nitro.city'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Unpadded, like Clerk's own buildPublishableKey() in @clerk/shared and the keys in the corpus. */
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, '');

export function makeKeys(rng) {
  const frontendApi = `${rng.pick(ADJECTIVES)}-${rng.pick(ANIMALS)}-${1 + rng.int(99)}.clerk.accounts.dev`;
  const liveHost = `clerk.${rng.pick(LIVE_DOMAINS)}`;
  const secret = () => Array.from({ length: 40 }, () => ALNUM[rng.int(ALNUM.length)]).join('');
  return {
    pkTest: `pk_test_${b64(`${frontendApi}$`)}`,
    pkLive: `pk_live_${b64(`${liveHost}$`)}`,
    skTest: `sk_test_${secret()}`,
    skLive: `sk_live_${secret()}`
  };
}

// A value that looks like a real key (not a placeholder such as pk_test_xxx or sk_test_XXXX...).
const KEY_RE = /\b(pk|sk)_(test|live)_([A-Za-z0-9]+)/g;
const isRealistic = (body) => body.length >= 20 && !/^(x+|X+|your\w*|1234567890)$/.test(body);

// ---------------------------------------------------------------------------
// Corpus.

// A development key for a made-up instance, built here rather than copied from a real project.
const FALLBACK_DEV_KEY_BODY = Buffer.from('bench-fallback-00.clerk.accounts.dev$')
  .toString('base64')
  .replace(/=+$/, '');

/** A small built-in corpus, used only when the real one is not available (e.g. on CI). */
const BUILTIN_CORPUS = [
  [
    'builtin-nextjs.env',
    `# Clerk\nNEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_${FALLBACK_DEV_KEY_BODY}\n` +
      'CLERK_SECRET_KEY=your_clerk_secret_key\n\nNEXT_PUBLIC_CLERK_SIGN_IN_URL=/sign-in\nNEXT_PUBLIC_CLERK_SIGN_UP_URL=/sign-up\nDATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres\nNEXT_TELEMETRY_DISABLED=1\n'
  ],
  [
    'builtin-example.env',
    '# Copy to .env and fill in\nCLERK_PUBLISHABLE_KEY=pk_test_xxx\nCLERK_SECRET_KEY=sk_test_xxx\nSTRIPE_SECRET_KEY=\nNEXT_PUBLIC_APP_URL=http://localhost:3000\n'
  ],
  [
    'builtin-quotes.env',
    'BASIC=basic\nEMPTY=\nSINGLE=\'single quotes\'\nDOUBLE="double quotes"\nMULTI="line 1\nline 2"\nINLINE=value # comment\nexport EXPORTED=1\nEXPAND=${BASIC}-x\n'
  ],
  [
    'builtin-prod.env',
    'NODE_ENV=production\nNEXT_PUBLIC_APP_URL=https://app.example.com\nCLERK_SECRET_KEY=sk_live_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nSENTRY_DSN=\n'
  ]
];

export function loadCorpus(dir = DEFAULT_CORPUS_DIR) {
  let entries;
  if (existsSync(dir)) {
    entries = readdirSync(dir)
      .filter((f) => !f.endsWith('.tsv') && !f.endsWith('.md'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
  }
  const source = entries?.length ? dir : 'builtin';
  if (!entries?.length) entries = BUILTIN_CORPUS;
  const digest = createHash('sha256');
  for (const [name, text] of entries) digest.update(name).update('\0').update(text).update('\0');
  // Parser fixtures (quoting, BOM, CRLF, multiline, YAML-ish...) are a minority of real files;
  // app files (Next.js, monorepos, Clerk starters) are the bulk.
  const isFixture = (name) => /__(motdotla|joho|vlucas|dotenvx|compose-spec|bkeepers)__/.test(name);
  const files = entries.map(([name, text]) => ({ name, text, weight: isFixture(name) ? 1 : 4 }));
  return { source, digest: digest.digest('hex').slice(0, 16), files };
}

// ---------------------------------------------------------------------------
// File contents.

/** Which Clerk instance a file is meant to carry, by its name. */
function keyKindFor(fileName, rng) {
  if (/production|prod\b/.test(fileName)) {
    // Production files: mostly live keys, but a share still carries development keys.
    return rng.weighted([
      [5, 'live'],
      [3, 'test'],
      [2, 'none']
    ]);
  }
  if (/example|sample|template/.test(fileName))
    return rng.weighted([
      [3, 'test'],
      [7, 'none']
    ]);
  return rng.weighted([
    [7, 'test'],
    [1, 'live'],
    [2, 'none']
  ]);
}

export function makeContent(rng, corpus, fileName) {
  const weighted = corpus.files.map((f) => [f.weight, f]);
  const parts = [rng.weighted(weighted).text];
  if (rng.chance(0.35)) parts.push(rng.weighted(weighted).text.replace(/^\uFEFF/, ''));
  let text = parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('\n');

  // Replace realistic-looking keys from the corpus with freshly generated ones of the same kind.
  const keys = makeKeys(rng);
  text = text.replace(KEY_RE, (m, type, env, body) => {
    if (!isRealistic(body)) return m;
    return keys[`${type}${env === 'test' ? 'Test' : 'Live'}`];
  });

  const kind = keyKindFor(fileName, rng);
  if (kind !== 'none') {
    const pk = kind === 'live' ? keys.pkLive : keys.pkTest;
    const sk = kind === 'live' ? keys.skLive : keys.skTest;
    const prefix = rng.pick(['NEXT_PUBLIC_', 'VITE_', 'EXPO_PUBLIC_', 'PUBLIC_', '']);
    const quote = rng.weighted([
      [8, ''],
      [1, '"'],
      [1, "'"]
    ]);
    text +=
      `\n# Clerk (${kind === 'live' ? 'production' : 'development'} instance)\n` +
      `${prefix}CLERK_PUBLISHABLE_KEY=${quote}${pk}${quote}\n` +
      `CLERK_SECRET_KEY=${quote}${sk}${quote}\n`;
  }
  return text;
}

// ---------------------------------------------------------------------------
// Project layouts. Every generated file name starts with ".env" so `<tree>/**/.env*` matches all.

const LAYOUTS = [
  [5, ['.env', '.env.local', '.env.production', '.env.development']],
  [3, ['.env', '.env.example']],
  [2, ['.env.local', '.env.production']],
  [
    2,
    ['apps/web/.env', 'apps/web/.env.local', 'apps/web/.env.production', 'apps/api/.env', 'packages/db/.env.example']
  ],
  [1, ['.env.example', 'backend/.env', 'frontend/.env.local', 'frontend/.env.production']],
  [1, ['.env.staging', '.env.production.local', '.env.test']]
];

export function treeName(size) {
  return `t${size}`;
}

function manifestPath(name) {
  return join(TREES_DIR, `${name}.manifest.json`);
}

function readManifest(name) {
  try {
    return JSON.parse(readFileSync(manifestPath(name), 'utf8'));
  } catch {
    return undefined;
  }
}

function sameParams(a, b) {
  return a && a.version === b.version && a.seed === b.seed && a.files === b.files && a.corpusDigest === b.corpusDigest;
}

/** Writes `files` ([relPath, content][]) to TREES_DIR/name atomically (tmp dir + rename). */
function writeTree(name, files, params) {
  mkdirSync(TREES_DIR, { recursive: true });
  const finalDir = join(TREES_DIR, name);
  const tmpDir = join(TREES_DIR, `.tmp-${name}-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  let bytes = 0;
  const dirs = new Set();
  for (const [rel, content] of files) {
    const abs = join(tmpDir, rel);
    const d = dirname(abs);
    if (!dirs.has(d)) {
      mkdirSync(d, { recursive: true });
      dirs.add(d);
    }
    writeFileSync(abs, content);
    bytes += Buffer.byteLength(content);
  }
  rmSync(finalDir, { recursive: true, force: true });
  renameSync(tmpDir, finalDir);
  const manifest = { ...params, bytes, generatedAt: new Date().toISOString() };
  writeFileSync(manifestPath(name), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function ensure(name, params, build, { force = false, log = console.error } = {}) {
  const existing = readManifest(name);
  if (!force && existsSync(join(TREES_DIR, name)) && sameParams(existing, params)) {
    return { dir: join(TREES_DIR, name), manifest: existing, generated: false };
  }
  const t0 = performance.now();
  const manifest = writeTree(name, build(), params);
  log(
    `generated ${relative(ROOT_DIR, join(TREES_DIR, name))}: ${manifest.files} files, ` +
      `${(manifest.bytes / 1024).toFixed(0)} KiB, corpus ${params.corpus} (${((performance.now() - t0) / 1000).toFixed(1)} s)`
  );
  return { dir: join(TREES_DIR, name), manifest, generated: true };
}

/** A tree of exactly `size` dotenv files. */
export function ensureSizedTree(size, { seed = DEFAULT_SEED, corpus = loadCorpus(), ...opts } = {}) {
  const name = treeName(size);
  const params = {
    version: GENERATOR_VERSION,
    seed,
    files: size,
    corpus: corpus.source,
    corpusDigest: corpus.digest
  };
  return ensure(
    name,
    params,
    () => {
      const rng = createRng(`${seed}:${size}`);
      const files = [];
      for (let p = 0; files.length < size; p++) {
        const layout = rng.weighted(LAYOUTS);
        // Group projects into dirs of 100 so no directory gets huge, as in a real monorepo/org checkout.
        const projectDir = `group-${String(Math.floor(p / 100)).padStart(3, '0')}/project-${String(p).padStart(5, '0')}`;
        for (const rel of layout) {
          if (files.length >= size) break;
          const fileName = rel.split('/').pop();
          files.push([`${projectDir}/${rel}`, makeContent(rng, corpus, fileName)]);
        }
      }
      return files;
    },
    opts
  );
}

/** A typical Next.js project: .env (dev keys), .env.production (live keys), .env.local (dev secret). */
export function ensureTypicalTree({ seed = DEFAULT_SEED, corpus = loadCorpus(), ...opts } = {}) {
  const params = {
    version: GENERATOR_VERSION,
    seed,
    files: 3,
    corpus: corpus.source,
    corpusDigest: corpus.digest
  };
  const result = ensure(
    'typical',
    params,
    () => {
      const rng = createRng(`${seed}:typical`);
      const keys = makeKeys(rng);
      const pick = (re) => corpus.files.find((f) => re.test(f.name))?.text ?? corpus.files[0].text;
      const base = pick(/Next-js-Boilerplate__\.env$/).replace(KEY_RE, (m, type, env, body) =>
        isRealistic(body) ? keys[`${type}${env === 'test' ? 'Test' : 'Live'}`] : m
      );
      const prod = pick(/Next-js-Boilerplate__\.env\.production$/);
      return [
        [
          'nextjs-app/package.json',
          `${JSON.stringify(
            {
              name: 'nextjs-app',
              private: true,
              scripts: { dev: 'next dev', build: 'next build', start: 'next start' },
              dependencies: { '@clerk/nextjs': '^6.0.0', next: '15.0.0', react: '19.0.0', 'react-dom': '19.0.0' }
            },
            null,
            2
          )}\n`
        ],
        ['nextjs-app/next.config.mjs', '/** @type {import("next").NextConfig} */\nexport default {};\n'],
        ['nextjs-app/.env', base],
        [
          'nextjs-app/.env.production',
          `${prod.endsWith('\n') ? prod : `${prod}\n`}\n# Clerk\nNEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${keys.pkLive}\nCLERK_SECRET_KEY=${keys.skLive}\n`
        ],
        ['nextjs-app/.env.local', `# Local overrides\nCLERK_SECRET_KEY=${keys.skTest}\n`]
      ];
    },
    opts
  );
  return { ...result, dir: join(result.dir, 'nextjs-app') };
}

// ---------------------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  const corpus = loadCorpus();
  if (corpus.source === 'builtin') {
    console.error(`note: corpus ${DEFAULT_CORPUS_DIR} not found; using the small built-in corpus`);
  }
  for (const size of sizes.length ? sizes : [1000, 10000]) {
    const r = ensureSizedTree(size, { corpus, force });
    if (!r.generated) console.error(`up to date: ${relative(ROOT_DIR, r.dir)} (${r.manifest.files} files)`);
  }
  const t = ensureTypicalTree({ corpus, force });
  if (!t.generated) console.error(`up to date: ${relative(ROOT_DIR, t.dir)}`);
}
