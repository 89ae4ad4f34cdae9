import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';

/** A position in the original source, as a source map gives it. */
export interface OriginalPosition {
  file: string;
  line: number;
  column: number;
}

/** The part of a source map (version 3) the lookup needs; anything else in it is left to trace-mapping. */
const SourceMapJson = z.looseObject({
  version: z.literal(3),
  mappings: z.string(),
  sources: z.array(z.nullable(z.string())),
  sourceRoot: z.optional(z.nullable(z.string()))
});

/** Bytes read from a file's end to find its `sourceMappingURL` comment (it is the last line). */
const TAIL = 16 * 1024;
/**
 * A map larger than this is not read, and the finding keeps only the built file's position. Decoding a map costs
 * about 12 times its size in memory and 25 ms a MB (bench: a 24 MB map, 630 ms and 300 MB): a Vite or Next.js
 * chunk's map is a few MB.
 */
const MAX_MAP_BYTES = 16 * 1024 * 1024;
const COMMENT = /[#@][ \t]*sourceMappingURL=([^\s'"*]+)/g;

/**
 * Original positions of built files, through their source maps: `sourceMappingURL` (a file or a data: URL),
 * else `<file>.map` beside the file. Uses @jridgewell/trace-mapping, the library bundlers use, rather than our own
 * VLQ decoding. A missing or broken map only means no original position: the built file's own position stands.
 */
export class SourceMaps {
  private readonly maps = new Map<string, TraceMap | null>();

  constructor(private readonly cwd: string) {}

  /** `line` 1-based, `column` 1-based in UTF-16 units, as the scanner gives them. */
  lookup(file: string, line: number, column: number): OriginalPosition | undefined {
    const map = this.mapOf(file);
    if (!map) return undefined;
    const original = originalPositionFor(map, { line, column: column - 1 });
    if (original.source === null || original.line === null || original.column === null) return undefined;
    return { file: this.display(original.source, file), line: original.line, column: original.column + 1 };
  }

  private mapOf(file: string): TraceMap | null {
    let map = this.maps.get(file);
    if (map === undefined) {
      map = load(file);
      this.maps.set(file, map);
    }
    return map;
  }

  /**
   * A source as a path relative to the working directory when it is a file under it (`src/main.tsx`), else as
   * the map names it without a bundler's scheme (`webpack://_N_E/./app/page.tsx` → `app/page.tsx`).
   */
  private display(source: string, builtFile: string): string {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i.exec(source);
    if (scheme) return source.slice(scheme[0].length).replace(/^(\.\/)+/, '');
    const absolute = source.startsWith('file://')
      ? new URL(source).pathname
      : path.resolve(path.dirname(builtFile), source);
    const relative = path.relative(this.cwd, absolute);
    return relative.startsWith('..') || path.isAbsolute(relative) ? source : relative.split(path.sep).join('/');
  }
}

function load(file: string): TraceMap | null {
  try {
    const text = mapText(file);
    if (text === null) return null;
    const parsed = SourceMapJson.safeParse(JSON.parse(text));
    // Sources are resolved by SourceMaps.display, relative to the built file: no mapUrl here.
    return parsed.success ? new TraceMap(parsed.data as never) : null;
  } catch {
    return null;
  }
}

function mapText(file: string): string | null {
  const url = commentUrl(file);
  if (url?.startsWith('data:')) return dataUrlText(url);
  const mapFile = url
    ? path.resolve(path.dirname(file), decodeURIComponent(url.split(/[?#]/)[0] ?? ''))
    : `${file}.map`;
  try {
    return readBounded(mapFile);
  } catch {
    return null;
  }
}

/** The last `sourceMappingURL` in the file's tail; a data: URL longer than the tail is read from the whole file. */
function commentUrl(file: string): string | undefined {
  const fd = openSync(file, 'r');
  let tail: string;
  let size: number;
  try {
    size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(TAIL, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    tail = buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
  let url = lastMatch(tail);
  if (url === undefined && size > TAIL && size <= MAX_MAP_BYTES && tail.includes(';base64,')) {
    url = lastMatch(readFileSync(file, 'utf8'));
  }
  return url;
}

function lastMatch(text: string): string | undefined {
  let url: string | undefined;
  for (const match of text.matchAll(COMMENT)) url = match[1];
  return url;
}

function dataUrlText(url: string): string | null {
  const comma = url.indexOf(',');
  if (comma === -1) return null;
  const meta = url.slice(5, comma);
  const data = url.slice(comma + 1);
  return meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
}

function readBounded(file: string): string | null {
  const fd = openSync(file, 'r');
  try {
    if (fstatSync(fd).size > MAX_MAP_BYTES) return null;
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
