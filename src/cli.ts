/**
 * The command-line shell over the engine: parses flags, runs the gate, prints one report.
 * Imports nothing from @actions/*, so the CLI bundle never loads Octokit.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeError, EXIT_FAILED, EXIT_PASSED, EXIT_USAGE, InputError } from './core/errors.js';
import type { Report } from './core/report.js';
import { runGate } from './engine/run-gate.js';
import { parseCliArgs, USAGE, type CliArgs } from './cli-args.js';
import { readInputFile } from './read-input-file.js';
import { renderDiagnostics } from './reporters/diagnostics.js';
import { renderJsonChunks } from './reporters/json.js';
import { JsonFindingSpill } from './reporters/json-spill.js';
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
  let spill: JsonFindingSpill | undefined;
  try {
    const args = parseCliArgs(io.argv);
    if (args.help) return print(io, USAGE, EXIT_PASSED);
    if (args.version) return print(io, VERSION, EXIT_PASSED);
    if (args.paths.some(mayBeGlob)) await boundYoungGeneration();
    const { report } = await runGate(
      {
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
      },
      {
        collectSecrets: false,
        onPlanned: async (units) => {
          if (units < LARGE_TREE_UNITS) return undefined;
          await boundYoungGeneration();
          // A large tree's JSON findings go to disk as they are found, so memory does not grow with them.
          if (args.format === 'json') spill = new JsonFindingSpill();
          return spill;
        }
      }
    );
    const rendered = await render(report, args, io, spill);
    if (args.output) writeFileChunks(resolve(io.cwd, args.output), args.output, rendered);
    else writeChunks((text) => io.stdout.write(text), rendered);
    if (args.format !== 'text' || args.output) io.stderr.write(renderDiagnostics(report));
    return report.passed ? EXIT_PASSED : EXIT_FAILED;
  } catch (error) {
    io.stderr.write(`clerk-production-gate: ${describeError(error)}\n`);
    return EXIT_USAGE;
  } finally {
    spill?.dispose();
  }
}

/**
 * The report as pieces of text, ending with a newline. JSON comes in pieces so it is never one big string.
 * The other reporters are loaded only when asked for: a run pays start-up time for one format, not four.
 */
async function render(
  report: Report,
  args: CliArgs,
  io: CliIo,
  spill?: JsonFindingSpill
): Promise<Iterable<string | Uint8Array>> {
  switch (args.format) {
    case 'json':
      return renderJsonChunks(report, spill?.findingsArray());
    case 'markdown': {
      const { renderMarkdown } = await import('./reporters/markdown.js');
      return [withNewline(renderMarkdown(report, RULE_METAS))];
    }
    case 'sarif': {
      const { renderSarif } = await import('./reporters/sarif.js');
      return [withNewline(renderSarif(report, RULE_METAS))];
    }
    case 'text': {
      const { renderText } = await import('./reporters/text.js');
      const color = args.color ?? wantsColor(io);
      const text = withNewline(renderText(report, { color }) + renderDiagnostics(report));
      // In an Actions step the runner reads standard output for workflow commands: keep the report inert.
      return [io.env.GITHUB_ACTIONS === 'true' && !args.output ? withoutCommands(text) : text];
    }
  }
}

/** Above this many dotenv units (directories or files), memory matters more than the last few percent of speed. */
const LARGE_TREE_UNITS = 500;

/**
 * On a large tree, keep V8's young generation at its starting size instead of letting it grow to 16 MiB a
 * semi-space: the gate allocates short-lived objects for every file, and the grown young generation was
 * most of the memory growth (peak RSS, 10,000 files: 130 MB → 88 MB), at about 5% of the speed. A GC
 * heuristic read at each collection, so setting it after start-up is safe. node:v8 is loaded only then:
 * importing it costs about 3 ms, a tenth of a small project's whole run.
 *
 * Set before a glob is walked (the walk itself allocates a lot, and a young generation grown during it stays
 * grown: 30,000 files peaked at 123 MiB, 86 MiB with the bound set first), and for a long list of units.
 */
async function boundYoungGeneration(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** A path with glob syntax may match any number of files (a false positive only costs the bound above). */
function mayBeGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Writes pieces in batches of 32 KiB or more: few system calls, and each batch stays under V8's large-object size
 * (see JSON_BATCH), so it is freed young. Bytes pass through as they are.
 */
function writeChunks(write: (data: string | Uint8Array) => unknown, chunks: Iterable<string | Uint8Array>): void {
  let batch = '';
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (batch) write(batch);
      batch = '';
      write(chunk);
      continue;
    }
    batch += chunk;
    if (batch.length >= 32768) {
      write(batch);
      batch = '';
    }
  }
  if (batch) write(batch);
}

/** Colour on a terminal unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
function wantsColor(io: CliIo): boolean {
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

function writeFileChunks(path: string, file: string, chunks: Iterable<string | Uint8Array>): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    const handle = fd;
    writeChunks((data) => (typeof data === 'string' ? writeSync(handle, data) : writeSync(handle, data)), chunks);
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
