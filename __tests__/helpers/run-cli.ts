import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process against `cwd`, capturing both streams. */
export async function cli(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const out: Buffer[] = [];
  let stderr = '';
  const code = await runCli({
    // Offline unless the test points the gate at a fake Clerk: tests never reach the internet.
    argv: offlineUnlessFaked(argv),
    cwd,
    env,
    stdout: { write: (data: string | Uint8Array) => out.push(Buffer.from(data)), isTTY: false },
    stderr: { write: (text: string) => (stderr += text) }
  });
  // Decoded once at the end: a multi-byte character may straddle two written pieces.
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr };
}

/** Makes a temporary project from a map of relative path → content. */
export async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gate-project-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** `--offline` in front, unless the arguments name a Clerk API URL (a fake server on loopback) or say offline. */
export function offlineUnlessFaked(argv: string[]): string[] {
  return argv.some((a) => a === '--offline' || a.startsWith('--clerk-api-url')) ? argv : ['--offline', ...argv];
}
