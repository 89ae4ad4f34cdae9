import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../core/errors.js';
import type { SourceInfo } from '../core/source.js';
import type { Origin, Variable } from '../core/variable.js';
import { parseDotenv, type SourceDiagnostic } from './dotenv-file.js';
import { expandVariables } from './expand.js';
import { detectFramework, envFilesFor, type Framework } from './frameworks.js';
import { parseJsonInput } from './json-input.js';
import { readProcessEnv } from './process-env.js';
import { pathKind, readDotenvText } from './read-text.js';

export interface CollectOptions {
  cwd: string;
  paths: string[];
  framework: Framework | 'auto';
  environment: string;
  varsJson?: { label: string; text: string };
  secretsJson?: { label: string; text: string };
  processEnv?: Record<string, string | undefined>;
}

export interface Collected {
  variables: Variable[];
  sources: SourceInfo[];
  diagnostics: SourceDiagnostic[];
}

type Unit = { kind: 'dir'; abs: string } | { kind: 'file'; abs: string };

interface ReadFile {
  abs: string;
  source: SourceInfo;
  variables: Variable[];
  diagnostics: SourceDiagnostic[];
}

export async function collectVariables(options: CollectOptions): Promise<Collected> {
  const cwd = path.resolve(options.cwd);
  const rel = (abs: string): string => path.relative(cwd, abs).split(path.sep).join('/') || '.';

  const units: Unit[] = [];
  for (const entry of options.paths) units.push(...(await resolveEntry(cwd, entry)));

  // Directories first: their files belong to a layered set, so the same file named on its own is dropped.
  const results = new Map<Unit, ReadFile[]>();
  const seen = new Set<string>();
  for (const unit of units) {
    if (unit.kind !== 'dir' || seen.has(unit.abs)) continue;
    seen.add(unit.abs);
    const framework = options.framework === 'auto' ? await detectFramework(unit.abs, rel(unit.abs)) : options.framework;
    const files = await readLayered(unit.abs, framework, options.environment, rel);
    for (const f of files) seen.add(f.abs);
    results.set(unit, files);
  }
  for (const unit of units) {
    if (unit.kind !== 'file' || seen.has(unit.abs)) continue;
    seen.add(unit.abs);
    const file = rel(unit.abs);
    const parsed = parseDotenv(await readDotenvText(unit.abs, file), file);
    const variables = expandVariables(parsed.variables);
    results.set(unit, [
      { abs: unit.abs, source: fileSource(file, variables), variables, diagnostics: parsed.diagnostics }
    ]);
  }
  const files = units.flatMap((u) => results.get(u) ?? []);

  const runtime: { kind: 'env' | 'vars' | 'secrets'; variables: Variable[] }[] = [];
  if (options.processEnv) runtime.push({ kind: 'env', variables: readProcessEnv(options.processEnv) });
  if (options.varsJson) {
    runtime.push({ kind: 'vars', variables: parseJsonInput(options.varsJson.text, 'vars', options.varsJson.label) });
  }
  if (options.secretsJson) {
    const { text, label } = options.secretsJson;
    runtime.push({ kind: 'secrets', variables: parseJsonInput(text, 'secrets', label) });
  }

  // Frameworks never override a variable already in the environment: runtime sources shadow every dotenv
  // definition of the name. Preference for the reported winner: env, then secrets, then vars.
  const runtimeWinner = new Map<string, Origin>();
  for (const kind of ['vars', 'secrets', 'env'] as const) {
    for (const v of runtime.find((r) => r.kind === kind)?.variables ?? []) runtimeWinner.set(v.name, v.origin);
  }
  const fileVariables = files.flatMap((f) => f.variables);
  for (const v of fileVariables) {
    const winner = runtimeWinner.get(v.name);
    if (winner) v.shadowedBy = winner;
  }

  return {
    variables: [...fileVariables, ...runtime.flatMap((r) => r.variables)],
    sources: [...files.map((f) => f.source), ...runtime.map((r) => ({ kind: r.kind, variables: r.variables.length }))],
    diagnostics: files.flatMap((f) => f.diagnostics)
  };
}

/** An entry of `paths`: an existing file or directory, else a glob (an error when it matches nothing). */
async function resolveEntry(cwd: string, entry: string): Promise<Unit[]> {
  const abs = path.resolve(cwd, entry);
  const kind = await pathKind(abs, entry);
  if (kind === 'file' || kind === 'dir') return [{ kind, abs }];
  if (kind === 'other') throw new InputError(`${entry}: not a regular file or directory`);
  if (!isDynamicPattern(entry)) throw new InputError(`${entry}: no such file or directory`);
  const matches = await glob(entry, { cwd, dot: true, onlyFiles: true, expandDirectories: false, absolute: true });
  if (matches.length === 0) throw new InputError(`${entry}: matched no files`);
  return matches.sort().map((m) => ({ kind: 'file', abs: path.resolve(m) }));
}

/**
 * The framework's files in `dir`, highest precedence first. Missing files are skipped. The first (highest)
 * definition of a name wins and shadows the rest; expansion runs over the merged set, lowest first.
 */
async function readLayered(
  dir: string,
  framework: Framework,
  environment: string,
  rel: (abs: string) => string
): Promise<ReadFile[]> {
  const layers: { abs: string; file: string; variables: Variable[]; diagnostics: SourceDiagnostic[] }[] = [];
  for (const name of envFilesFor(framework, environment)) {
    const abs = path.join(dir, name);
    const file = rel(abs);
    // Like the frameworks, skip what is not a regular file at an optional name.
    if ((await pathKind(abs, file)) !== 'file') continue;
    layers.push({ abs, file, ...parseDotenv(await readDotenvText(abs, file), file) });
  }

  const winner = new Map<string, Origin>();
  for (const layer of layers) {
    for (const v of layer.variables) if (!v.shadowedBy && !winner.has(v.name)) winner.set(v.name, v.origin);
  }
  for (const layer of layers) {
    for (const v of layer.variables) {
      const w = winner.get(v.name);
      if (w && w !== v.origin) v.shadowedBy = w;
    }
  }

  const lowestFirst = [...layers].reverse();
  const expanded = expandVariables(lowestFirst.flatMap((l) => l.variables));
  let at = 0;
  const out = lowestFirst.map((l) => {
    const variables = expanded.slice(at, (at += l.variables.length));
    return { abs: l.abs, source: fileSource(l.file, variables, framework), variables, diagnostics: l.diagnostics };
  });
  return out.reverse();
}

function fileSource(file: string, variables: Variable[], framework?: Framework): SourceInfo {
  return framework
    ? { kind: 'file', file, variables: variables.length, framework }
    : { kind: 'file', file, variables: variables.length };
}
