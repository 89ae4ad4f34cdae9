import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const read = (file: string): Promise<string> => readFile(new URL(file, root), 'utf8');

/** Runs a CLI bundle with this Node and returns stdout; exit 1 (findings) is a completed run. */
async function cliOutput(args: string[]): Promise<string> {
  try {
    return (await run(process.execPath, ['dist/cli.js', ...args], { cwd: root })).stdout;
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    expect(failed.code).toBe(1);
    return failed.stdout;
  }
}

// What every run pays for at start-up is the entry chunk: code only some runs need stays out of it (bench/README.md).
describe('entry chunks hold what every run needs', () => {
  it('dist/cli.js loads the markdown and SARIF renderers only for their format, and they still render', async () => {
    const entry = await read('dist/cli.js');
    expect(entry).not.toMatch(/^function renderMarkdown\(/m);
    expect(entry).not.toMatch(/^function renderSarif\(/m);
    const markdown = await cliOutput(['--offline', '--format', 'markdown', 'examples/nextjs-app']);
    expect(markdown).toContain('dev-publishable-key');
    const sarif = JSON.parse(await cliOutput(['--offline', '--format', 'sarif', 'examples/nextjs-app']));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('neither entry holds the build-output scanner: a chunk loaded when there is build output', async () => {
    for (const file of ['dist/cli.js', 'dist/index.js']) {
      const entry = await read(file);
      expect(entry).toContain('function checkBundle(');
      expect(entry).not.toMatch(/^function scanBuildOutput\(/m);
      expect(entry).not.toMatch(/^class ByteScanner\b/m);
    }
  });

  it('dist/index.js does not import node:crypto (@actions/core gets its randomUUID from /dev/urandom)', async () => {
    const entry = await read('dist/index.js');
    expect(entry).toMatch(/^import .* from 'node:fs';$/m);
    expect(entry).not.toMatch(/^import .* from '(node:)?crypto';$/m);
    expect(entry).not.toContain('globalThis.crypto');
    expect(entry).toMatch(/const delimiter = `ghadelimiter_\$\{randomUUID\(\)\}`/);
  });

  it("neither entry builds jsonc-parser's formatter cache at import", async () => {
    for (const file of ['dist/cli.js', 'dist/index.js']) expect(await read(file)).not.toContain('maxCachedValues');
  });

  it("dist/index.js carries only the zod types its chunks build from zod/mini (none of classic zod's string formats)", async () => {
    const entry = await read('dist/index.js');
    expect(entry).toContain('$constructor("$ZodObject"');
    for (const format of ['$ZodEmail', '$ZodISODateTime', '$ZodCUID2', '$ZodJWT']) {
      expect(entry).not.toContain(`$constructor("${format}"`);
    }
  });
});
