import { describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
/** The Node that runs the bundles: E2E_NODE (e.g. Node 24 in CI), else the one running the tests. */
const node = process.env.E2E_NODE ?? process.execPath;

/** Runs the committed CLI bundle, as a user would. */
async function distCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(node, ['dist/cli.js', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('committed bundles', () => {
  it('dist/cli.js fails the shipped example with exit 1 and the expected findings', async () => {
    const result = await distCli(['--offline', '--format', 'json', 'examples/nextjs-app']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['dev-publishable-key', 'key-environment-mismatch', 'dev-url', 'dev-frontend-api'])
    );
  });

  it('dist/cli.js exits 2 with one line on an unknown option', async () => {
    const result = await distCli(['--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('dist/cli.js keeps its verdict and prints no stack trace when the reader closes the pipe early', async () => {
    const child = spawn(node, ['dist/cli.js', '--offline', 'examples/nextjs-app'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(1);
    expect(stderr).not.toContain('EPIPE');
  });

  it('dist/cli.js carries no GitHub toolkit code; dist/index.js does', async () => {
    const cli = await readFile(new URL('dist/cli.js', root), 'utf8');
    const action = await readFile(new URL('dist/index.js', root), 'utf8');
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(cli).not.toContain('GITHUB_STEP_SUMMARY');
    expect(cli).not.toContain('issueFileCommand');
    expect(action).toContain('GITHUB_STEP_SUMMARY');
    expect(action).toContain('issueFileCommand');
  });
});
