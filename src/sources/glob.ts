import { readdirSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../core/errors.js';
import type { Globs } from './glob-support.js';
import { readFailure } from '../core/read-file.js';

/** Glob support with tinyglobby (the walk) and picomatch (exclusions). */
export const globs: Globs = { isPattern: isDynamicPattern, walk, excluder };

/**
 * The files and directories (ending in `/`) that `pattern` matches under `cwd`, absolute, minus `excludes`.
 * tinyglobby walks with fdir, which skips a directory it cannot read without a word: a gate must not pass on a
 * tree it did not see, so every failed read is recorded and reported.
 */
function walk(cwd: string, pattern: string, excludes: string[]): string[] {
  const unreadable: { dir: string; code: string | undefined }[] = [];
  const recordingReaddir = ((dir: string, ...rest: unknown[]) => {
    try {
      return (readdirSync as (...args: unknown[]) => unknown)(dir, ...rest);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable.push({ dir, code });
      throw error;
    }
  }) as typeof readdirSync;
  const matches = globSync(pattern, {
    cwd,
    dot: true,
    onlyFiles: false,
    expandDirectories: false,
    absolute: true,
    ignore: excludes,
    fs: { readdirSync: recordingReaddir }
  });
  const [first] = unreadable;
  if (first) {
    const where = path.relative(cwd, path.resolve(first.dir)).split(path.sep).join('/') || '.';
    throw new InputError(`${pattern}: cannot read directory ${where} (${readFailure(first.code)})`);
  }
  return matches;
}

/** Whether a path (relative to cwd, `/` separators) or one of its directories matches an exclusion. */
function excluder(patterns: string[]): (relative: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matches = picomatch(patterns, { dot: true });
  return (relative) => {
    const parts = relative.split('/');
    return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
  };
}
