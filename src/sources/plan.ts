import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { notRegularFile, readFailure } from '../core/read-file.js';
import type { SkippedFile } from '../core/source.js';
import { classifyGlobbedFile } from './file-roles.js';
import { detectFramework, envFilesFor, type Framework } from './frameworks.js';
import { needsGlobs, type Globs } from './glob-support.js';
import { pathKind } from './read-text.js';

/**
 * One unit of dotenv input, read and checked on its own: the layered files a framework loads from a
 * directory (one app), or one file read as given. Units are planned first (paths only) and read one
 * at a time, so memory does not grow with the number of files.
 */
export type SourceUnit =
  { kind: 'layered'; dir: string; framework: Framework; files: string[] } | { kind: 'file'; file: string };

export interface PlanOptions {
  cwd: string;
  /** Files, directories and globs; an entry starting with `!` excludes what it matches. */
  paths: string[];
  framework: Framework | 'auto';
  /** The build mode whose files a directory's framework loads (`production`, `staging`, …). */
  environment: string;
  /** Mode names that mean the target (the build mode, the environment's own name, …): `.env.<mode>` is read. */
  targetModes: ReadonlySet<string>;
}

export interface Plan {
  units: SourceUnit[];
  /** Files a glob matched, or an exclusion removed, that the gate does not judge; with the reason. */
  skipped: SkippedFile[];
}

type Entry = { kind: 'file' | 'dir'; abs: string } | { kind: 'globbed'; abs: string };

/**
 * Resolves paths, globs and directories into units, in the order given:
 * - a directory is read the way its framework loads it for the target (layered, with shadowing);
 * - a file named explicitly is read as given;
 * - the files a glob matches are grouped by directory, and each group is read as that directory's framework
 *   loads it; a matched file no tool would load for the target (a template, another mode's file) is skipped
 *   with the reason, and any other matched dotenv file is read on its own. A matched directory is a directory.
 */
export function planSources(options: PlanOptions, globs?: Globs): Plan {
  // The shells load glob support whenever needsGlobs says so: without it here, that contract was broken.
  if (!globs && needsGlobs(options.paths)) throw new Error('glob support was not loaded');
  const cwd = path.resolve(options.cwd);
  const rel = (abs: string): string => relativePath(cwd, abs);
  const excludes = options.paths.filter((p) => p.startsWith('!')).map((p) => p.slice(1).replace(/^\.\//, ''));
  const includes = options.paths.filter((p) => !p.startsWith('!'));
  const isExcluded = globs ? globs.excluder(excludes) : () => false;
  const skipped: SkippedFile[] = [];
  // Exclusions alone apply to the default, the working directory.
  const roots = includes.length === 0 && excludes.length > 0 ? ['.'] : includes;
  const entries = roots.flatMap((entry) => resolveEntry(cwd, entry, excludes, globs));

  const unnamable = new Map<string, SkippedFile>();
  const loads = (dir: string): { framework: Framework; files: string[] } => {
    const framework = options.framework === 'auto' ? detectFramework(dir, rel(dir)) : options.framework;
    return { framework, files: layeredFiles(dir, rel(dir), envFilesFor(framework, options.environment), unnamable) };
  };
  const keep = (files: string[]): string[] =>
    files.filter((file) => {
      if (!isExcluded(rel(file))) return true;
      skipped.push({ file: rel(file), reason: 'excluded by a !pattern entry' });
      return false;
    });

  // Directories first: their files belong to a layered set, so the same file named or matched again is dropped.
  const units = new Map<string, SourceUnit>();
  const taken = new Set<string>();
  for (const { kind, abs } of entries) {
    if (kind !== 'dir' || units.has(abs)) continue;
    const { framework, files } = loads(abs);
    // Like the frameworks, skip what is not a regular file at an optional name.
    const present = keep(regularFiles(files, rel, skipped));
    for (const file of files) taken.add(file);
    units.set(abs, { kind: 'layered', dir: abs, framework, files: present });
  }

  // A glob's files, by directory: the ones the directory's framework loads form one layered unit.
  const explicit = new Set(entries.filter((e) => e.kind === 'file').map((e) => e.abs));
  const globbed = groupByDirectory(entries.filter((e) => e.kind === 'globbed' && !taken.has(e.abs)).map((e) => e.abs));
  const groupUnits = new Map<string, SourceUnit[]>();
  for (const [dir, matched] of globbed) {
    const { framework, files } = loads(dir);
    const layered = files.filter((file) => matched.has(file));
    const planned: SourceUnit[] = [];
    if (layered.length > 0) planned.push({ kind: 'layered', dir, framework, files: layered });
    for (const file of layered) taken.add(file);
    for (const file of matched) {
      // A file also named explicitly is read as given, below.
      if (taken.has(file) || explicit.has(file)) continue;
      const role = classifyGlobbedFile(path.basename(file), options.targetModes, options.environment);
      if (role.skip) skipped.push({ file: rel(file), reason: role.skip });
      else planned.push({ kind: 'file', file });
      taken.add(file);
    }
    groupUnits.set(dir, planned);
  }

  for (const { kind, abs } of entries) {
    if (kind !== 'file' || taken.has(abs)) continue;
    taken.add(abs);
    if (keep([abs]).length > 0) units.set(abs, { kind: 'file', file: abs });
  }

  // Keep the order of the arguments; a glob's group comes where its first file was matched.
  const result: SourceUnit[] = [];
  for (const { kind, abs } of entries) {
    const unit = units.get(abs);
    if (unit) {
      units.delete(abs);
      result.push(unit);
    } else if (kind === 'globbed') {
      const dir = path.dirname(abs);
      result.push(...(groupUnits.get(dir) ?? []));
      groupUnits.delete(dir);
    }
  }
  return { units: result, skipped: [...unnamable.values(), ...skipped] };
}

/**
 * The regular files among a directory's dotenv `files`, missing ones left out. A FIFO, socket or device file at one
 * of the names (directly or through a symlink) is listed in `skipped` with the reason, and never opened.
 */
function regularFiles(files: string[], rel: (abs: string) => string, skipped: SkippedFile[]): string[] {
  return files.filter((file) => {
    const kind = pathKind(file, rel(file));
    if (kind === 'other') skipped.push({ file: rel(file), reason: specialFileReason(file) });
    return kind === 'file';
  });
}

/** Why a special file at a dotenv name is skipped: `a FIFO (named pipe), not a regular file`. */
function specialFileReason(abs: string): string {
  try {
    return notRegularFile(statSync(abs)) ?? 'not a regular file';
  } catch (error) {
    return readFailure((error as NodeJS.ErrnoException).code);
  }
}

/**
 * The paths of a directory's dotenv `names`. An environment name may hold a `/` (`review/feature-x`): the names
 * derived from it cannot be files, so they go to `unnamable` (skipped with the reason) and the others are read.
 */
function layeredFiles(dir: string, shownDir: string, names: string[], unnamable: Map<string, SkippedFile>): string[] {
  for (const name of names.filter((n) => !isFileName(n))) {
    const file = shownDir === '.' ? name : `${shownDir}/${name}`;
    unnamable.set(file, { file, reason: UNNAMABLE_REASON });
  }
  return names.filter(isFileName).map((name) => path.join(dir, name));
}

const UNNAMABLE_REASON = 'the environment name cannot be part of a file name; this dotenv file was not read';

/** One name in a directory: no separator, no NUL, not `.` or `..`. */
function isFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/** Paths in reports: relative to cwd, forward slashes. */
export function relativePath(cwd: string, abs: string): string {
  const relative = path.relative(cwd, abs);
  return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || '.';
}

function groupByDirectory(files: string[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = path.dirname(file);
    const group = groups.get(dir) ?? new Set<string>();
    group.add(file);
    groups.set(dir, group);
  }
  return groups;
}

/** An entry of `paths`: an existing file or directory, else a glob (an error when it matches nothing). */
function resolveEntry(cwd: string, entry: string, excludes: string[], globs?: Globs): Entry[] {
  const abs = path.resolve(cwd, entry);
  const kind = pathKind(abs, entry);
  if (kind === 'file' || kind === 'dir') return [{ kind, abs }];
  if (kind === 'other') throw new InputError(`${entry}: not a regular file or directory`);
  if (!globs?.isPattern(entry)) throw new InputError(`${entry}: no such file or directory`);
  const matches = globs.walk(cwd, entry, excludes);
  if (matches.length === 0) throw new InputError(`${entry}: matched no files`);
  return matches.sort().map((match) => {
    const isDir = match.endsWith('/');
    const abs = path.resolve(match);
    return isDir ? { kind: 'dir', abs } : { kind: 'globbed', abs };
  });
}
