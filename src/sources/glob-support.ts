/**
 * What planning needs for globs and `!pattern` exclusions. The glob library is a third of the CLI bundle and most
 * runs name directories or files, so the CLI loads it (src/sources/glob.ts) only when a path needs it; the action
 * imports it outright.
 */
export interface Globs {
  isPattern(entry: string): boolean;
  walk(cwd: string, pattern: string, excludes: string[]): string[];
  excluder(patterns: string[]): (relative: string) => boolean;
}

/**
 * Whether any path needs glob support: an exclusion, or glob syntax (a superset of what the library calls a
 * pattern, extglobs included; a false positive only loads the library).
 */
export function needsGlobs(paths: readonly string[]): boolean {
  return paths.some((p) => p.startsWith('!') || /[*?[\]{}()|]/.test(p));
}
