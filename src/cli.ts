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
import { renderMarkdown } from './reporters/markdown.js';
import { renderSarif } from './reporters/sarif.js';
import { renderText } from './reporters/text.js';
import { RULE_METAS } from './rules/index.js';
import { VERSION } from './core/version.js';
import { needsGlobs } from './sources/glob-support.js';
import { branchOf, hostTokensOf } from './hosts/host-env.js';
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
    // Glob support only when a path needs it: the library is a third of the bundle, and most runs name paths.
    const globs = needsGlobs(args.paths) ? (await import('./sources/glob.js')).globs : undefined;
    if (globs) await boundYoungGeneration();
    // The online checks (undici, TLS, DNS) only for a run that goes online.
    const online = args.offline ? undefined : (await import('./online/run-online.js')).runOnlineChecks;
    const site = args.offline || args.url === undefined ? undefined : (await import('./site/check-site.js')).checkSite;
    // Secrets only from the environment (the hosts' own names): a flag would show them in `ps` and shell history.
    const bypass = io.env.VERCEL_AUTOMATION_BYPASS_SECRET;
    const hostTokens = hostTokensOf(io.env);
    // The hosts' SDKs only when a host token is there.
    const hostsWanted = !args.offline && (hostTokens.vercelToken || hostTokens.netlifyToken);
    const hosts = hostsWanted ? (await import('./hosts/read-hosts.js')).readHosts : undefined;
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
        offline: args.offline,
        ...(args.apiTimeoutMs !== undefined && { apiTimeoutMs: args.apiTimeoutMs }),
        ...(args.onApiError !== undefined && { onApiError: args.onApiError as never }),
        ...(args.clerkApiUrl !== undefined && { clerkApiUrl: args.clerkApiUrl }),
        dnsServers: args.dnsServers,
        dnsCheck: args.dnsCheck,
        ...(args.buildDirs !== undefined && { buildDirs: args.buildDirs }),
        ...(args.url !== undefined && { deploymentUrl: args.url }),
        ...(bypass && { vercelProtectionBypass: bypass }),
        ...hostTokens,
        ...(args.vercelProject !== undefined && { vercelProject: args.vercelProject }),
        ...(args.vercelTeam !== undefined && { vercelTeam: args.vercelTeam }),
        ...(args.netlifySite !== undefined && { netlifySite: args.netlifySite }),
        ...((args.gitBranch ?? branchOf(io.env)) && { gitBranch: args.gitBranch ?? branchOf(io.env) })
      },
      {
        globs,
        online,
        site,
        hosts,
        collectSecrets: false,
        // A large tree's JSON findings go to disk as they are found, so memory does not grow with them.
        onPlanned: (units) => {
          if (units >= LARGE_TREE_UNITS && args.format === 'json') spill = new JsonFindingSpill();
          return spill;
        }
      }
    );
    const rendered = render(report, args, io, spill);
    if (args.output) writeOutput(resolve(io.cwd, args.output), args.output, rendered);
    else writeInBatches(rendered, (text) => io.stdout.write(text));
    if (args.format !== 'text' || args.output) io.stderr.write(renderDiagnostics(report));
    return report.passed ? EXIT_PASSED : EXIT_FAILED;
  } catch (error) {
    io.stderr.write(`clerk-production-gate: ${describeError(error)}\n`);
    return EXIT_USAGE;
  } finally {
    spill?.dispose();
  }
}

/** Above this many dotenv units (directories or files), the JSON report's findings are spilled to disk. */
const LARGE_TREE_UNITS = 500;

/**
 * Before walking a glob, which may match any number of files, keep V8's young generation at its starting size
 * instead of letting it grow to 16 MiB a semi-space: the gate allocates short-lived objects for every file, and a
 * young generation grown during the walk stays grown (see bench/README.md). A GC heuristic read at each
 * collection, so setting it after start-up is safe; node:v8 is imported only then.
 */
async function boundYoungGeneration(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** The report as pieces of text, ending with a newline (JSON in pieces: it may be large). */
function render(report: Report, args: CliArgs, io: CliIo, spill?: JsonFindingSpill): Iterable<string> {
  switch (args.format) {
    case 'json':
      return renderJsonChunks(report, spill?.findingsArray());
    case 'markdown':
      return [withNewline(renderMarkdown(report, RULE_METAS))];
    case 'sarif':
      return [withNewline(renderSarif(report, RULE_METAS))];
    case 'text': {
      const color = args.color ?? wantsColor(io);
      const text = withNewline(renderText(report, { color }) + renderDiagnostics(report));
      // In an Actions step the runner reads standard output for workflow commands: keep the report inert.
      return [io.env.GITHUB_ACTIONS === 'true' && !args.output ? withoutCommands(text) : text];
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
