import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../core/errors.js';
import { ownString } from '../core/own-string.js';
import { detectFramework, envFilesFor, type Framework } from './frameworks.js';
import { pathKind } from './read-text.js';

/**
 * One unit of dotenv input, read and checked on its own: the layered files a framework loads from a
 * directory (one app), or one explicitly named file. Units are planned first (paths only) and read one
 * at a time, so memory does not grow with the number of files.
 */
export type SourceUnit =
  { kind: 'layered'; dir: string; framework: Framework; files: string[] } | { kind: 'file'; file: string };

export interface PlanOptions {
  cwd: string;
  paths: string[];
  framework: Framework | 'auto';
  /** The build mode whose files a directory's framework loads (`production`, `staging`, …). */
  environment: string;
}

/** Resolves paths, globs and directories into units; absolute paths, in the order given. */
export async function planSources(options: PlanOptions): Promise<SourceUnit[]> {
  const cwd = path.resolve(options.cwd);
  const rel = (abs: string): string => relativePath(cwd, abs);
  const entries: { kind: 'file' | 'dir'; abs: string }[] = [];
  for (const entry of options.paths) entries.push(...(await resolveEntry(cwd, entry)));

  // Directories first: their files belong to a layered set, so the same file named on its own is dropped.
  const units = new Map<string, SourceUnit>();
  const taken = new Set<string>();
  for (const { kind, abs } of entries) {
    if (kind !== 'dir' || units.has(abs)) continue;
    const framework = options.framework === 'auto' ? await detectFramework(abs, rel(abs)) : options.framework;
    // Like the frameworks, skip what is not a regular file at an optional name.
    const files = envFilesFor(framework, options.environment)
      .map((name) => path.join(abs, name))
      .filter((file) => pathKind(file, rel(file)) === 'file');
    for (const file of files) taken.add(file);
    units.set(abs, { kind: 'layered', dir: abs, framework, files });
  }
  for (const { kind, abs } of entries) {
    if (kind !== 'file' || taken.has(abs)) continue;
    taken.add(abs);
    units.set(abs, { kind: 'file', file: abs });
  }
  // Keep the order of the arguments.
  return entries.flatMap(({ abs }) => {
    const unit = units.get(abs);
    units.delete(abs);
    return unit ? [unit] : [];
  });
}

/** Paths in reports: relative to cwd, forward slashes. */
export function relativePath(cwd: string, abs: string): string {
  // The common case, a file under cwd, without path.relative's normalisation work.
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  const relative = abs.startsWith(prefix) ? abs.slice(prefix.length) : path.relative(cwd, abs);
  return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
}

/** An entry of `paths`: an existing file or directory, else a glob (an error when it matches nothing). */
async function resolveEntry(cwd: string, entry: string): Promise<{ kind: 'file' | 'dir'; abs: string }[]> {
  const abs = path.resolve(cwd, entry);
  const kind = pathKind(abs, entry);
  if (kind === 'file' || kind === 'dir') return [{ kind, abs }];
  if (kind === 'other') throw new InputError(`${entry}: not a regular file or directory`);
  if (!isDynamicPattern(entry)) throw new InputError(`${entry}: no such file or directory`);
  // Synchronous: the walk is the only thing happening, and sync avoids an event-loop hop per directory.
  const matches = globSync(entry, { cwd, dot: true, onlyFiles: true, expandDirectories: false, absolute: true });
  if (matches.length === 0) throw new InputError(`${entry}: matched no files`);
  // Owned copies: the plan keeps every path for the whole run (30,000 files: 22 → 9 MiB of heap after planning).
  return matches.sort().map((m) => ({ kind: 'file', abs: ownString(path.normalize(m)) }));
}
