import { jest } from '@jest/globals';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/main.js';

export interface ActionRun {
  code: number;
  /** Everything the action wrote to stdout: logs and workflow commands (annotations, add-mask). */
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  reportFile: string;
}

/**
 * Runs the action in-process the way the runner does: inputs as INPUT_* variables, outputs and the
 * job summary as files, workflow commands on stdout. Uses the real @actions/core.
 */
export async function runAction(
  workspace: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
  const outputFile = join(runnerTemp, 'output');
  const summaryFile = join(runnerTemp, 'summary.md');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: join(process.cwd(), '__tests__/fixtures/github/pull_request/opened.payload.json'),
    ...extraEnv
  };
  // Offline unless the test points the gate at a fake Clerk: tests never reach the internet.
  const withNetwork = {
    ...(inputs['clerk-api-url'] === undefined && { offline: 'true' }),
    ...(extraEnv.GITHUB_API_URL === undefined && { comment: 'never' }),
    ...inputs
  };
  for (const [name, value] of Object.entries(withNetwork)) env[`INPUT_${name.toUpperCase()}`] = value;

  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  Object.assign(process.env, env);
  let stdout = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await run(process.env);
    return {
      code,
      stdout,
      outputs: parseOutputs(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      reportFile: join(runnerTemp, 'clerk-production-gate-report.json')
    };
  } finally {
    write.mockRestore();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    process.exitCode = savedExitCode;
  }
}

/** GITHUB_OUTPUT uses heredoc blocks: `name<<DELIM\nvalue\nDELIM`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}
