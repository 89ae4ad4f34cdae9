import { isAscii } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRegularFile, readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';
import { traceMap } from './map-lookup.js';
import type { Point } from './vlq-mappings.js';

/** A position in the original source, as a source map gives it. */
export interface OriginalPosition {
  file: string;
  line: number;
  column: number;
}

/** Bytes read from a file's end to find its `sourceMappingURL` comment (it is the last line). */
const TAIL = 16 * 1024;
/**
 * A map larger than this is not read (listed as skipped, with the reason), and the finding keeps only the built
 * file's position. A map is parsed as JSON and its `mappings` walked only up to the lines asked for, never decoded
 * whole: a 16 MB map peaks at about 40 MB and costs about a tenth of a full decode (bench/README.md). A Vite or
 * Next.js chunk's map is a few MB.
 */
const MAX_MAP_BYTES = 16 * 1024 * 1024;
const COMMENT = /[#@][ \t]*sourceMappingURL=([^\s'"*]+)/g;

/** Original positions of some places in one built file, and why its map was not used when it was not. */
interface MapLookup {
  positions: (OriginalPosition | undefined)[];
  /** The map was there but not read or not usable: why (for the report's skipped list). */
  skipped?: { file: string; reason: string };
}

/**
 * Original positions of places in `file` (1-based line, 1-based UTF-16 column, as the scanner gives them), through
 * its source map (a regular or an index map): `sourceMappingURL` (a file under `dir`, or a data: URL), else
 * `<file>.map` beside the file. The
 * map is read for this call only and dropped after it. A missing map only means no original position; a map that
 * is there but cannot be used (not a regular file, over the cap, outside the build directory, broken) is named with
 * the reason. `rel` turns an absolute path into the report's form.
 */
export function originalPositions(
  file: string,
  dir: string,
  cwd: string,
  places: readonly Point[],
  rel: (abs: string) => string
): MapLookup {
  const none: MapLookup = { positions: places.map(() => undefined) };
  const found = mapText(file, dir, rel);
  if (found === undefined) return none;
  if ('reason' in found) return { ...none, skipped: found };
  let json: unknown;
  try {
    json = JSON.parse(found.text);
  } catch {
    return { ...none, skipped: { file: found.label, reason: 'not valid JSON, not a source map' } };
  }
  const { traced, notes } = traceMap(
    json,
    places.map((p) => ({ line: p.line - 1, column: p.column - 1 }))
  );
  const positions = traced.map(
    (t) => t && { file: display(t.source, found.base, cwd), line: t.line + 1, column: t.column + 1 }
  );
  return { positions, ...(notes.length > 0 && { skipped: { file: found.label, reason: notes.join('; ') } }) };
}

/**
 * A source as a path relative to the working directory when it is a file under it (`src/main.tsx`), else as the
 * map names it without a bundler's scheme or project marker (`webpack://_N_E/./app/page.tsx` and
 * `turbopack:///[project]/app/page.tsx` → `app/page.tsx`), and without a bundler's query (`index.jsx?tsr-split=…`,
 * `App.vue?vue&type=script`): the query names a part of the file, not another file; one that climbs out of the
 * bundler's project keeps its scheme. A relative source is
 * relative to the map file (or to the built file, for an inline map).
 */
function display(named: string, mapFile: string, cwd: string): string {
  const source = named.replace(/\?.*$/s, '');
  let absolute: string;
  if (/^file:\/\//i.test(source)) {
    try {
      absolute = fileURLToPath(source);
    } catch {
      return source;
    }
  } else {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i.exec(source);
    if (scheme) {
      const rest = path.posix.normalize(source.slice(scheme[0].length).replace(/^\[project\]\//, ''));
      // A path that climbs out of the project (`webpack://app/../src/constants.ts`: a package's own source, its
      // `node_modules/<name>/` lost on the way) is kept as named: shown bare it would read as the app's file.
      return rest === '..' || rest.startsWith('../') ? source : rest.replace(/^(\.\/)+/, '');
    }
    absolute = path.resolve(path.dirname(mapFile), source);
  }
  const relative = path.relative(cwd, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? source : relative.split(path.sep).join('/');
}

/** A map's text, its name in the report, and the absolute path its relative sources are resolved against. */
type MapText = { text: string; label: string; base: string } | { file: string; reason: string } | undefined;

/**
 * The map's text: the file `sourceMappingURL` names (relative to the built file; a root-relative URL such as Expo's
 * `/_expo/static/js/web/index-….js.map` is relative to the site root, the build directory), else `<file>.map`
 * beside it, which is also tried when the named file is not there or the URL names no file here (`https://…`).
 */
function mapText(file: string, dir: string, rel: (abs: string) => string): MapText {
  const url = commentUrl(file);
  if (url?.startsWith('data:')) return dataUrlText(url, rel(file), file);
  const beside = `${file}.map`;
  let named: string | undefined;
  if (url !== undefined && !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
    try {
      const pathname = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
      named = pathname.startsWith('/')
        ? path.join(dir, path.posix.normalize(pathname))
        : path.resolve(path.dirname(file), pathname);
    } catch {
      return { file: rel(file), reason: 'its sourceMappingURL is not a valid URL; source map not read' };
    }
    const inside = path.relative(dir, named);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      return {
        file: rel(file),
        reason: 'its sourceMappingURL points outside the build directory; source map not read'
      };
    }
  }
  const text = readMap(named ?? beside, rel);
  return text !== undefined || named === undefined || named === beside ? text : readMap(beside, rel);
}

/** A map file's text, or why it was not read; undefined when there is no such file. */
function readMap(mapFile: string, rel: (abs: string) => string): MapText {
  try {
    const read = readRegularFile(mapFile, MAX_MAP_BYTES);
    if (read.overCap) {
      return { file: rel(mapFile), reason: `source map larger than ${sizeInWords(MAX_MAP_BYTES)}, not decoded` };
    }
    // Most maps are ASCII: latin1 then decodes as a copy, where utf8 decoding costs ~10 ms a MB.
    return { text: read.bytes.toString(isAscii(read.bytes) ? 'latin1' : 'utf8'), label: rel(mapFile), base: mapFile };
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    if (error.missing) return undefined;
    return { file: rel(mapFile), reason: `source map not read: ${error.reason}` };
  }
}

/** The last `sourceMappingURL` in the file's tail; a data: URL longer than the tail is read from the whole file. */
function commentUrl(file: string): string | undefined {
  let tail: string;
  let size: number;
  try {
    const opened = openRegularFile(file);
    size = opened.size;
    try {
      const buffer = Buffer.alloc(Math.min(TAIL, size));
      readSync(opened.fd, buffer, 0, buffer.length, size - buffer.length);
      tail = buffer.toString('utf8');
    } finally {
      closeSync(opened.fd);
    }
    let url = lastMatch(tail);
    if (url === undefined && size > TAIL && size <= MAX_MAP_BYTES && tail.includes(';base64,')) {
      url = lastMatch(readRegularFile(file, MAX_MAP_BYTES).bytes.toString('utf8'));
    }
    return url;
  } catch (error) {
    if (error instanceof UnreadableFile) return undefined;
    throw error;
  }
}

function lastMatch(text: string): string | undefined {
  let url: string | undefined;
  for (const match of text.matchAll(COMMENT)) url = match[1];
  return url;
}

function dataUrlText(url: string, label: string, base: string): MapText {
  const comma = url.indexOf(',');
  if (comma === -1) return { file: label, reason: 'its inline source map is not a data: URL with data' };
  const meta = url.slice(5, comma);
  const data = url.slice(comma + 1);
  try {
    return {
      text: meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data),
      label,
      base
    };
  } catch {
    return { file: label, reason: 'its inline source map cannot be decoded' };
  }
}
