import { describe, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, found from this file rather than from the working directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Reference data beside the project root: CI has it, a clone of the repository does not. */
export const SHARED = path.resolve(ROOT, '../shared');
/** Copies of the reference data whose licences allow it, kept in the repository (with their SOURCES.md). */
export const FIXTURES = path.join(ROOT, '__tests__', 'fixtures');
/** Set to 1 (as `.ci/run` does) to make a missing ../shared fail the tests that need it instead of skipping them. */
export const REQUIRE_SHARED_VARIABLE = 'CLERK_GATE_REQUIRE_SHARED';

/** `../shared/<segments>` when it exists, otherwise null. */
export function sharedPath(...segments: string[]): string | null {
  const target = path.join(SHARED, ...segments);
  return existsSync(target) ? target : null;
}

/**
 * `describe(title, () => body(dir))` with `dir` = `../shared/<segments>`. When that is missing: one skipped test
 * and one line on standard error saying so, or, with CLERK_GATE_REQUIRE_SHARED=1, one failing test.
 */
export function describeWithShared(title: string, segments: string[], body: (dir: string) => void): void {
  const dir = sharedPath(...segments);
  if (dir !== null) {
    describe(title, () => body(dir));
    return;
  }
  const missing = path.join('..', 'shared', ...segments);
  if (process.env[REQUIRE_SHARED_VARIABLE] === '1') {
    describe(title, () => {
      it(`needs ${missing}`, () => {
        throw new Error(`${missing} is missing beside the project root, and ${REQUIRE_SHARED_VARIABLE}=1 requires it`);
      });
    });
    return;
  }
  process.stderr.write(`skipped "${title}": needs ${missing} (reference data beside the project root)\n`);
  describe(title, () => {
    it.skip(`needs ${missing} (reference data beside the project root): skipped`, () => {});
  });
}

/** One file of the dotenv corpus: its name (as the tests report it) and its path. */
export interface CorpusFile {
  name: string;
  file: string;
}

/** The vendored part of the dotenv corpus, always present. */
export const VENDORED_CORPUS = path.join(FIXTURES, 'dotenv-corpus');

/** The corpus files in `dir` (every file but SOURCES.*), by name. */
export function corpusFiles(dir: string): CorpusFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('SOURCES'))
    .map((entry) => ({ name: entry.name, file: path.join(dir, entry.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The files of the shared corpus at `dir` that are not vendored. */
export function sharedOnlyCorpus(dir: string): CorpusFile[] {
  const vendored = new Set(corpusFiles(VENDORED_CORPUS).map((f) => f.name));
  return corpusFiles(dir).filter((f) => !vendored.has(f.name));
}
