import { describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { seededRandom } from '../helpers/random.js';
import { cli, project } from '../helpers/run-cli.js';

/**
 * Random projects built from the input that has broken dotenv tools before (names that are also
 * Object.prototype properties, `\$` escapes, self references, quotes, CRLF, BOM, directives, broken JSON),
 * run through the whole CLI. Whatever the input, the gate must answer 0, 1 or 2 with a one-line reason,
 * never crash ("internal error"), hang, print a stack trace or a secret, or write JSON that does not parse.
 */
const SEED = Number(process.env.CLERK_FUZZ_SEED ?? 0xc1e4);
const PROJECTS = 200;

// Built at run time; only its redacted form `sk_live_…KkQz` may ever be printed.
const CANARY = `sk_live_${'CanaryQ9x8W7'.repeat(3)}KkQz`;
const publishableKey = (host: string, type = 'test'): string =>
  `pk_${type}_${Buffer.from(`${host}$`).toString('base64')}`;

const NAMES = [
  'CLERK_SECRET_KEY',
  'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY',
  'VITE_CLERK_PUBLISHABLE_KEY',
  'CLERK_API_KEY',
  'CLERK_FRONTEND_API',
  'CLERK_JWKS_URL',
  'CLERK_DOMAIN',
  'CLERK_PROXY_URL',
  'NEXT_PUBLIC_CLERK_SIGN_IN_URL',
  'NEXT_PUBLIC_CLERK_SECRET_KEY',
  'CLERK_WEBHOOK_SECRET',
  'CLERK_TESTING_TOKEN',
  '__proto__',
  'constructor',
  'toString',
  'A',
  'B',
  'export',
  'x.y-z',
  '1',
  'STRIPE_SECRET_KEY'
];
const VALUES = [
  CANARY,
  publishableKey('fake-example-00.clerk.accounts.dev'),
  publishableKey('clerk.example.com', 'live'),
  publishableKey('nodot'),
  'pk_test_',
  `sk_live_${'a1'.repeat(20)}`,
  'test_abc',
  'whsec_abc',
  '${A}',
  '$B',
  '\\$A',
  '${A:-x}',
  '${B:+y}',
  '${constructor}',
  '$__proto__',
  '"quoted # x"',
  "'single'",
  '"multi\nline"',
  'http://localhost:3000',
  'https://127.0.0.1/x',
  'http://[::1]:3/',
  'clerk.fake.hippo-00.lcl.dev',
  '',
  '\u2026é\u2028',
  '#comment',
  '10.0.0.1',
  'x'.repeat(300),
  '$',
  '\\',
  '"',
  'x # clerk-production-gate-ignore dev-secret-key',
  'http://%zz'
];
const OTHER_LINES = [
  '# clerk-production-gate-ignore dev-secret-key',
  '# clerk-production-gate-ignore no-such-rule',
  'garbage line',
  '[section]',
  '\ufeffBOM=1',
  ''
];
const FILES = ['.env', '.env.production', '.env.local', '.env.production.local', 'sub/.env', '.env.staging'];

describe('the CLI on random projects', () => {
  it(`answers every one of ${PROJECTS} with 0, 1 or 2, and never crashes, hangs or leaks`, async () => {
    const r = seededRandom(SEED);
    const line = (): string => {
      if (r.chance(0.8)) {
        const value = Array.from({ length: 1 + r.int(2) }, () => r.pick(VALUES)).join('');
        return `${r.pick(['', ' ', 'export ', '\t'])}${r.pick(NAMES)}${r.pick(['=', ' = ', ': '])}${value}`;
      }
      return r.pick(OTHER_LINES);
    };
    const codes = new Set<number>();
    for (let i = 0; i < PROJECTS; i++) {
      const files: Record<string, string> = {};
      for (let n = 1 + r.int(3); n > 0; n--) {
        files[r.pick(FILES)] = Array.from({ length: r.int(12) }, line).join(r.pick(['\n', '\r\n']));
      }
      if (r.chance(0.3)) {
        files['package.json'] = r.pick(['{"dependencies":{"next":"15"}}', '{"devDependencies":{"vite":"6"}}', '{']);
      }
      files['vars.json'] = r.pick([JSON.stringify({ CLERK_SECRET_KEY: CANARY }), `{"__proto__":"${CANARY}"}`, '{}']);
      const argv = ['--offline', '--format', r.pick(['json', 'text', 'sarif', 'markdown'])];
      if (r.chance(0.3)) argv.push('--environment', r.pick(['staging', 'Production']));
      if (r.chance(0.2)) argv.push('--ignore', r.pick(['dev-secret-key', 'missing-key,invalid-key']));
      if (r.chance(0.4)) argv.push('--vars-json', 'vars.json');
      if (r.chance(0.3)) argv.push('--framework', r.pick(['nextjs', 'vite', 'node']));
      argv.push(r.pick(['.', '.env', '**/.env*', 'sub']));

      const dir = await project(files);
      const run = await cli(dir, argv);
      await rm(dir, { recursive: true, force: true });
      const context = { files, argv, stderr: run.stderr.slice(0, 300) };

      codes.add(run.code);
      expect({ ...context, code: [0, 1, 2].includes(run.code) }).toEqual({ ...context, code: true });
      expect({ ...context, internal: /internal error|\n\s+at /.test(run.stderr) }).toEqual({
        ...context,
        internal: false
      });
      expect({ ...context, leaked: `${run.stdout}${run.stderr}`.includes('CanaryQ9x8W7') }).toEqual({
        ...context,
        leaked: false
      });
      if (run.code === 2) expect(run.stderr.trim().split('\n')).toHaveLength(1);
      if (run.code !== 2 && argv.includes('json')) expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    }
    // The generator reaches passing, failing and rejected input alike.
    expect([...codes].sort()).toEqual([0, 1, 2]);
  }, 120_000);
});
