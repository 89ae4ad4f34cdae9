/**
 * The command-line shell over the engine: parses flags, runs the gate, prints one report.
 * Imports nothing from @actions/*, so the CLI bundle never loads Octokit.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeError, EXIT_FAILED, EXIT_PASSED, EXIT_USAGE, InputError } from './core/errors.js';
import { Scrubber } from './core/scrub.js';
import type { Report } from './core/report.js';
import { runGate } from './engine/run-gate.js';
import { parseCliArgs, usage } from './cli-args.js';
import { loadChecks } from './load-checks.js';
import type { FORMATS } from './options/declarations.js';
import { readShellEnvironment, type ShellEnvironment } from './shell-environment.js';
import { renderDiagnostics } from './reporters/diagnostics.js';
import { renderJsonChunks } from './reporters/json.js';
import { JsonFindingSpill } from './reporters/json-spill.js';
import { renderText } from './reporters/text.js';
import { RULE_METAS } from './rules/index.js';
import { VERSION } from './core/version.js';
import { neutraliseJson, withoutCommands } from './reporters/workflow-commands.js';

type Format = (typeof FORMATS)[number];

export interface CliIo {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(data: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/**
 * Runs the CLI and returns its exit code; never throws. `scrubber` holds every secret of the run, for every message
 * that quotes an outside answer (the gate adds what it finds); the entry point keeps it for its last-resort handler.
 */
export async function runCli(io: CliIo, scrubber: Scrubber = new Scrubber()): Promise<number> {
  let spill: JsonFindingSpill | undefined;
  // The environment, read once: whether the runner reads our output, colour, the hosts' tokens, the branch.
  const shell = readShellEnvironment(io.env);
  const inert = (text: string): string => (shell.inActions && text ? withoutCommands(text) : text);
  try {
    const args = parseCliArgs(io.argv, io.cwd, shell.defaults);
    if (args.shell.help) return print(io, usage(), EXIT_PASSED);
    if (args.shell.version) return print(io, VERSION, EXIT_PASSED);
    const options = args.engine;
    const format = args.shell.format ?? 'text';
    const hooks = await loadChecks(options);
    const { report } = await runGate(
      {
        cwd: io.cwd,
        ...options,
        processEnv: args.shell.scanProcessEnv ? shell.variables : undefined
      },
      {
        ...hooks,
        scrubber,
        collectSecrets: false,
        // A large tree's JSON findings go to disk as they are found, so memory does not grow with them.
        onPlanned: (units) => {
          if (units >= LARGE_TREE_UNITS && format === 'json') spill = new JsonFindingSpill();
          return spill;
        }
      }
    );
    const output = args.shell.output;
    const rendered = await render(report, format, wantsColor(args.shell.noColor, shell.color, io), spill);
    if (output) writeOutput(resolve(io.cwd, output), output, rendered);
    else
      writeInBatches(shell.inActions ? neutraliseOutput(format, rendered) : rendered, (text) => io.stdout.write(text));
    if (format !== 'text' || output) io.stderr.write(inert(renderDiagnostics(report)));
    return report.passed ? EXIT_PASSED : EXIT_FAILED;
  } catch (error) {
    io.stderr.write(inert(`clerk-production-gate: ${describeError(error, scrubber)}\n`));
    return EXIT_USAGE;
  } finally {
    spill?.dispose();
  }
}

/** Above this many dotenv units (directories or files), the JSON report's findings are spilled to disk. */
const LARGE_TREE_UNITS = 500;

/**
 * The report as pieces of text, ending with a newline (JSON in pieces: it may be large). The markdown and SARIF
 * renderers are loaded only for their format (a chunk each in dist/), so a text or JSON run does not parse them.
 */
async function render(
  report: Report,
  format: Format,
  color: boolean,
  spill?: JsonFindingSpill
): Promise<Iterable<string>> {
  switch (format) {
    case 'json':
      return renderJsonChunks(report, spill?.findingsArray());
    case 'markdown':
      return [withNewline((await import('./reporters/markdown.js')).renderMarkdown(report, RULE_METAS))];
    case 'sarif':
      return [withNewline((await import('./reporters/sarif.js')).renderSarif(report, RULE_METAS))];
    case 'text':
      return [withNewline(renderText(report, { color }) + renderDiagnostics(report))];
  }
}

/**
 * In an Actions step the runner reads standard output for workflow commands: the text and markdown reports are
 * wrapped between stop-commands markers; JSON and SARIF, whose text must stay valid, escape `:` and `[` in the
 * strings that could start a command, which leaves the parsed value unchanged.
 */
function neutraliseOutput(format: Format, pieces: Iterable<string>): Iterable<string> {
  if (format === 'json' || format === 'sarif') return neutraliseJson(pieces);
  return [withoutCommands([...pieces].join(''))];
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Colour on a terminal unless --no-color or NO_COLOR; FORCE_COLOR turns it on anywhere. */
function wantsColor(noColor: boolean | undefined, color: ShellEnvironment['color'], io: CliIo): boolean {
  if (noColor || color === 'never') return false;
  return color === 'always' || io.stdout.isTTY === true;
}

/**
 * Writes pieces joined into batches of 32 KiB or more: few system calls, and each batch stays under V8's
 * large-object size (see JSON_BATCH), so it is freed young.
 */
function writeInBatches(pieces: Iterable<string>, write: (text: string) => unknown): void {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= 32768) {
      write(batch);
      batch = '';
    }
  }
  if (batch) write(batch);
}

function writeOutput(path: string, file: string, pieces: Iterable<string>): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    const handle = fd;
    writeInBatches(pieces, (text) => writeSync(handle, text));
  } catch (error) {
    throw new InputError(`--output: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function print(io: CliIo, text: string, code: number): number {
  io.stdout.write(`${text}\n`);
  return code;
}
