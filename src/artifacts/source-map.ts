import { isAscii } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { once } from '../core/memo.js';
import { openRegularFile, readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';
import { mappingsAt, type Point } from './vlq-mappings.js';

/** A position in the original source, as a source map gives it. */
export interface OriginalPosition {
  file: string;
  line: number;
  column: number;
}

/** The part of a source map (version 3) the lookup needs; anything else in it is ignored. */
const sourceMapJson = once(() =>
  z.looseObject({
    version: z.literal(3),
    mappings: z.string(),
    sources: z.array(z.nullable(z.string())),
    sourceRoot: z.optional(z.nullable(z.string()))
  })
);

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
 * its source map: `sourceMappingURL` (a file under `dir`, or a data: URL), else `<file>.map` beside the file. The
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
  let map: z.infer<ReturnType<typeof sourceMapJson>>;
  try {
    const parsed = sourceMapJson().safeParse(JSON.parse(found.text));
    if (!parsed.success) return { ...none, skipped: { file: found.label, reason: 'not a version 3 source map' } };
    map = parsed.data;
  } catch {
    return { ...none, skipped: { file: found.label, reason: 'not valid JSON, not a source map' } };
  }
  const segments = mappingsAt(
    map.mappings,
    places.map((p) => ({ line: p.line - 1, column: p.column - 1 }))
  );
  const positions = segments.map((segment) => {
    const source = segment ? map.sources[segment.source] : undefined;
    if (!segment || source === undefined || source === null) return undefined;
    const root = map.sourceRoot ? map.sourceRoot.replace(/\/?$/, '/') : '';
    return { file: display(`${root}${source}`, file, cwd), line: segment.line + 1, column: segment.column + 1 };
  });
  return { positions };
}

/**
 * A source as a path relative to the working directory when it is a file under it (`src/main.tsx`), else as the
 * map names it without a bundler's scheme (`webpack://_N_E/./app/page.tsx` → `app/page.tsx`).
 */
function display(source: string, builtFile: string, cwd: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i.exec(source);
  if (scheme) return path.posix.normalize(source.slice(scheme[0].length)).replace(/^(\.\/)+/, '');
  const absolute = source.startsWith('file://')
    ? new URL(source).pathname
    : path.resolve(path.dirname(builtFile), source);
  const relative = path.relative(cwd, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? source : relative.split(path.sep).join('/');
}

type MapText = { text: string; label: string } | { file: string; reason: string } | undefined;

function mapText(file: string, dir: string, rel: (abs: string) => string): MapText {
  const url = commentUrl(file);
  if (url?.startsWith('data:')) return dataUrlText(url, rel(file));
  let mapFile: string;
  try {
    mapFile = url ? path.resolve(path.dirname(file), decodeURIComponent(url.split(/[?#]/)[0] ?? '')) : `${file}.map`;
  } catch {
    return { file: rel(file), reason: 'its sourceMappingURL is not a valid URL; source map not read' };
  }
  const inside = path.relative(dir, mapFile);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    return { file: rel(file), reason: 'its sourceMappingURL points outside the build directory; source map not read' };
  }
  try {
    const read = readRegularFile(mapFile, MAX_MAP_BYTES);
    if (read.overCap) {
      return { file: rel(mapFile), reason: `source map larger than ${sizeInWords(MAX_MAP_BYTES)}, not decoded` };
    }
    // Most maps are ASCII: latin1 then decodes as a copy, where utf8 decoding costs ~10 ms a MB.
    return { text: read.bytes.toString(isAscii(read.bytes) ? 'latin1' : 'utf8'), label: rel(mapFile) };
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

function dataUrlText(url: string, label: string): MapText {
  const comma = url.indexOf(',');
  if (comma === -1) return { file: label, reason: 'its inline source map is not a data: URL with data' };
  const meta = url.slice(5, comma);
  const data = url.slice(comma + 1);
  try {
    return {
      text: meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data),
      label
    };
  } catch {
    return { file: label, reason: 'its inline source map cannot be decoded' };
  }
}
