/**
 * The command-line shell over the engine: parses flags, runs the gate, prints one report.
 * Imports nothing from @actions/*, so the CLI bundle never loads Octokit.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeError, EXIT_FAILED, EXIT_PASSED, EXIT_USAGE, InputError } from './core/errors.js';
import type { Report } from './core/report.js';
import { runGate } from './engine/run-gate.js';
import { parseCliArgs, USAGE, type CliArgs } from './cli-args.js';
import { readInputFile } from './read-input-file.js';
import { renderDiagnostics } from './reporters/diagnostics.js';
import { renderJson } from './reporters/json.js';
import { renderMarkdown } from './reporters/markdown.js';
import { renderSarif } from './reporters/sarif.js';
import { renderText } from './reporters/text.js';
import { RULE_METAS } from './rules/index.js';
import { VERSION } from './version.js';
import { withoutCommands } from './reporters/workflow-commands.js';

export interface CliIo {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(data: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(io.argv);
    if (args.help) return print(io, USAGE, EXIT_PASSED);
    if (args.version) return print(io, VERSION, EXIT_PASSED);
    const { report } = await runGate({
      cwd: io.cwd,
      paths: args.paths,
      ...(args.environment !== undefined && { environment: args.environment }),
      ...(args.productionEnvironments !== undefined && { productionEnvironments: args.productionEnvironments }),
      ...(args.framework !== undefined && { framework: args.framework as never }),
      ...(args.failOn !== undefined && { failOn: args.failOn as never }),
      varsJson: args.varsJsonFile ? await readInputFile('--vars-json', args.varsJsonFile, io.cwd) : undefined,
      secretsJson: args.secretsJsonFile
        ? await readInputFile('--secrets-json', args.secretsJsonFile, io.cwd)
        : undefined,
      processEnv: args.scanProcessEnv ? Object.entries(io.env) : undefined,
      ignore: args.ignore,
      offline: args.offline
    });
    const rendered = render(report, args, io);
    if (args.output) writeOutput(resolve(io.cwd, args.output), args.output, rendered);
    else io.stdout.write(rendered);
    if (args.format !== 'text' || args.output) io.stderr.write(renderDiagnostics(report));
    return report.passed ? EXIT_PASSED : EXIT_FAILED;
  } catch (error) {
    io.stderr.write(`clerk-production-gate: ${describeError(error)}\n`);
    return EXIT_USAGE;
  }
}

/** The report as text, ending with a newline. */
function render(report: Report, args: CliArgs, io: CliIo): string {
  switch (args.format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return withNewline(renderMarkdown(report, RULE_METAS));
    case 'sarif':
      return withNewline(renderSarif(report, RULE_METAS));
    case 'text': {
      const color = args.color ?? wantsColor(io);
      const text = withNewline(renderText(report, { color }) + renderDiagnostics(report));
      // In an Actions step the runner reads standard output for workflow commands: keep the report inert.
      return io.env.GITHUB_ACTIONS === 'true' && !args.output ? withoutCommands(text) : text;
    }
  }
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Colour on a terminal unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
function wantsColor(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

function writeOutput(path: string, file: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new InputError(`--output: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function print(io: CliIo, text: string, code: number): number {
  io.stdout.write(`${text}\n`);
  return code;
}
