/**
 * Astro inlines a page's small processed `<script>` (under Vite's `assetsInlineLimit`) into the HTML it renders. For
 * a server-rendered page that HTML is made per request, so the script's code exists in the build only inside the
 * server output, as a string of the serialized manifest: Astro replaces a placeholder in one server chunk with
 * `JSON.stringify(manifest)`, whose `"inlinedScripts":[["<module id>","<code>"],…]` holds each script's minified
 * client code (astro/dist/core/build/plugins/plugin-manifest.js, plugin-scripts.js). Those strings are sent to every
 * browser. Only they are judged here: the server code around them is never read as client code.
 */
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';
import { directoryEntries } from './build-output.js';
import { bufferSource, type ByteScanner, type Candidate } from './byte-scanner.js';
import { classifyCandidate, type Artifact } from './classify-candidate.js';

const MARKER = Buffer.from('"inlinedScripts":[');
/** Server modules that may hold the manifest. */
const MODULE_EXTENSIONS = new Set(['.mjs', '.js']);
/** The most of one server module searched: Astro's server chunks are a few MB. */
const MAX_SERVER_MODULE_BYTES = 64 * 1024 * 1024;

/** A thing found in an inlined script, at its place in the server module. */
export interface InlineScriptFind {
  /** The server module, relative to the working directory. */
  file: string;
  artifact: Artifact;
  candidate: Candidate;
}

/**
 * Judges the inlined scripts of the Astro server output in `dirs`: every `.mjs`/`.js` module (not under
 * node_modules) is searched for the manifest's `"inlinedScripts"`, and only the script strings in it are scanned.
 * Each thing found is passed to `judge` once per module, at its first place, with the module's line and column.
 * A module that cannot be read whole makes the scan incomplete (`skip`); an unreadable directory stops the gate.
 */
export function scanAstroInlineScripts(
  scanner: ByteScanner,
  dirs: readonly string[],
  rel: (abs: string) => string,
  skip: (file: string, reason: string) => void,
  counts: { files: number; bytes: number },
  judge: (finds: InlineScriptFind[]) => void
): void {
  for (const dir of dirs) {
    for (const file of serverModules(dir, rel)) {
      const bytes = readModule(file, rel(file), skip);
      const at = bytes?.indexOf(MARKER) ?? -1;
      if (bytes === undefined || at === -1) continue;
      counts.files++;
      const finds: InlineScriptFind[] = [];
      const seen = new Set<string>();
      for (const [start, end] of scriptStrings(bytes, at + MARKER.length - 1)) {
        counts.bytes += end - start;
        const origin = positionOf(bytes, start);
        const keep = (c: Parameters<typeof classifyCandidate>[0]): boolean => classifyCandidate(c) !== null;
        for (const candidate of scanner.scan(bufferSource(bytes.subarray(start, end)), keep)) {
          const artifact = classifyCandidate(candidate);
          const id = artifact && (artifact.kind === 'dev-host' ? artifact.host : artifact.key);
          if (!artifact || !id || seen.has(id)) continue;
          seen.add(id);
          const line = origin.line + candidate.line - 1;
          const column = candidate.line === 1 ? origin.column + candidate.column - 1 : candidate.column;
          finds.push({ file: rel(file), artifact, candidate: { ...candidate, line, column } });
        }
      }
      if (finds.length > 0) judge(finds);
    }
  }
}

/** The whole module, or undefined when it is not a regular file (then nothing of it reaches a browser as a page). */
function readModule(file: string, label: string, skip: (file: string, reason: string) => void): Buffer | undefined {
  try {
    const read = readRegularFile(file, MAX_SERVER_MODULE_BYTES);
    if (read.overCap) {
      const cap = sizeInWords(MAX_SERVER_MODULE_BYTES);
      skip(label, `larger than ${cap}: only its first ${cap} searched for Astro's inlined scripts`);
    }
    return read.bytes;
  } catch (error) {
    if (error instanceof UnreadableFile && (error.missing || error.code === undefined)) return undefined;
    throw new InputError(`${label}: cannot read (${error instanceof UnreadableFile ? error.reason : 'error'})`);
  }
}

/**
 * The byte ranges of the script strings (the second string of each `[id, code]` pair, between its quotes, still
 * escaped) of the JSON array opening at `open`.
 */
export function scriptStrings(bytes: Buffer, open: number): [number, number][] {
  const ranges: [number, number][] = [];
  let depth = 0;
  let index = 0;
  for (let p = open; p < bytes.length; p++) {
    const c = bytes[p];
    if (c === 0x5b) {
      depth++;
      index = 0;
    } else if (c === 0x5d) {
      if (--depth === 0) break;
    } else if (c === 0x22) {
      let e = p + 1;
      while (e < bytes.length && bytes[e] !== 0x22) e += bytes[e] === 0x5c ? 2 : 1;
      if (depth === 2 && index === 1) ranges.push([p + 1, Math.min(e, bytes.length)]);
      index++;
      p = e;
    }
  }
  return ranges;
}

/** 1-based line and UTF-16 column of byte `offset`. */
function positionOf(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let p = bytes.indexOf(0x0a); p !== -1 && p < offset; p = bytes.indexOf(0x0a, p + 1)) {
    line++;
    lineStart = p + 1;
  }
  return { line, column: bytes.toString('utf8', lineStart, offset).length + 1 };
}

/** The `.mjs`/`.js` regular files under `dir`, sorted; node_modules and links to directories are not followed. */
function serverModules(dir: string, rel: (abs: string) => string): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    for (const entry of directoryEntries(current, rel)) {
      const abs = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(abs);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && MODULE_EXTENSIONS.has(path.extname(entry.name))) {
        files.push(abs);
      }
    }
  };
  walk(dir);
  return files;
}
