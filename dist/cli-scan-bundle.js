import path from 'node:path';
import { ac as readRegularFile, ad as sizeInWords, ae as UnreadableFile, I as InputError, af as directoryEntries, ag as once, l as looseObject, g as array, j as optional, o as object, ah as int, ai as _gte, m as nullable, e as string, f as literal, u as unknown, aj as openRegularFile, ak as prerenderedExtensions, al as isServerDir, am as prerenderedDirsIn, an as notRegularFile, K as plural, ao as bundleDevPublishableKey, ap as bundleDevFrontendApi, aq as bundleSecretKey, ar as artifactChecks, as as BUNDLE_RULES, X as ruleApplies, T as artifactHit, U as secretKeyKind, at as bundleIncomplete } from './cli.js';
import { readSync, closeSync, statSync } from 'node:fs';
import { b as bufferSource, c as classifyCandidate, B as ByteScanner } from './cli-classify-candidate.js';
import { isAscii } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import 'node:module';
import 'node:util';
import 'node:os';
import 'node:string_decoder';

/**
 * Astro inlines a page's small processed `<script>` (under Vite's `assetsInlineLimit`) into the HTML it renders. For
 * a server-rendered page that HTML is made per request, so the script's code exists in the build only inside the
 * server output, as a string of the serialized manifest: Astro replaces a placeholder in one server chunk with
 * `JSON.stringify(manifest)`, whose `"inlinedScripts":[["<module id>","<code>"],…]` holds each script's minified
 * client code (astro/dist/core/build/plugins/plugin-manifest.js, plugin-scripts.js). Those strings are sent to every
 * browser. Only they are judged here: the server code around them is never read as client code.
 */
const MARKER = Buffer.from('"inlinedScripts":[');
/** Server modules that may hold the manifest. */
const MODULE_EXTENSIONS = new Set(['.mjs', '.js']);
/** The most of one server module searched: Astro's server chunks are a few MB. */
const MAX_SERVER_MODULE_BYTES = 64 * 1024 * 1024;
/**
 * Judges the inlined scripts of the Astro server output in `dirs`: every `.mjs`/`.js` module (not under
 * node_modules) is searched for the manifest's `"inlinedScripts"`, and only the script strings in it are scanned.
 * Each thing found is passed to `judge` once per module, at its first place, with the module's line and column.
 * A module that cannot be read whole makes the scan incomplete (`skip`); an unreadable directory stops the gate.
 */
function scanAstroInlineScripts(scanner, dirs, rel, skip, counts, judge) {
    for (const dir of dirs) {
        for (const file of serverModules(dir, rel)) {
            const bytes = readModule(file, rel(file), skip);
            const at = bytes?.indexOf(MARKER) ?? -1;
            if (bytes === undefined || at === -1)
                continue;
            counts.files++;
            const finds = [];
            const seen = new Set();
            for (const [start, end] of scriptStrings(bytes, at + MARKER.length - 1)) {
                counts.bytes += end - start;
                const origin = positionOf(bytes, start);
                const keep = (c) => classifyCandidate(c) !== null;
                for (const candidate of scanner.scan(bufferSource(bytes.subarray(start, end)), keep)) {
                    const artifact = classifyCandidate(candidate);
                    const id = artifact && (artifact.kind === 'dev-host' ? artifact.host : artifact.key);
                    if (!artifact || !id || seen.has(id))
                        continue;
                    seen.add(id);
                    const line = origin.line + candidate.line - 1;
                    const column = candidate.line === 1 ? origin.column + candidate.column - 1 : candidate.column;
                    finds.push({ file: rel(file), artifact, candidate: { ...candidate, line, column } });
                }
            }
            if (finds.length > 0)
                judge(finds);
        }
    }
}
/** The whole module, or undefined when it is not a regular file (then nothing of it reaches a browser as a page). */
function readModule(file, label, skip) {
    try {
        const read = readRegularFile(file, MAX_SERVER_MODULE_BYTES);
        if (read.overCap) {
            const cap = sizeInWords(MAX_SERVER_MODULE_BYTES);
            skip(label, `larger than ${cap}: only its first ${cap} searched for Astro's inlined scripts`);
        }
        return read.bytes;
    }
    catch (error) {
        if (error instanceof UnreadableFile && (error.missing || error.code === undefined))
            return undefined;
        throw new InputError(`${label}: cannot read (${error instanceof UnreadableFile ? error.reason : 'error'})`);
    }
}
/**
 * The byte ranges of the script strings (the second string of each `[id, code]` pair, between its quotes, still
 * escaped) of the JSON array opening at `open`.
 */
function scriptStrings(bytes, open) {
    const ranges = [];
    let depth = 0;
    let index = 0;
    for (let p = open; p < bytes.length; p++) {
        const c = bytes[p];
        if (c === 0x5b) {
            depth++;
            index = 0;
        }
        else if (c === 0x5d) {
            if (--depth === 0)
                break;
        }
        else if (c === 0x22) {
            let e = p + 1;
            while (e < bytes.length && bytes[e] !== 0x22)
                e += bytes[e] === 0x5c ? 2 : 1;
            if (depth === 2 && index === 1)
                ranges.push([p + 1, Math.min(e, bytes.length)]);
            index++;
            p = e;
        }
    }
    return ranges;
}
/** 1-based line and UTF-16 column of byte `offset`. */
function positionOf(bytes, offset) {
    let line = 1;
    let lineStart = 0;
    for (let p = bytes.indexOf(0x0a); p !== -1 && p < offset; p = bytes.indexOf(0x0a, p + 1)) {
        line++;
        lineStart = p + 1;
    }
    return { line, column: bytes.toString('utf8', lineStart, offset).length + 1 };
}
/** The `.mjs`/`.js` regular files under `dir`, sorted; node_modules and links to directories are not followed. */
function serverModules(dir, rel) {
    const files = [];
    const walk = (current) => {
        for (const entry of directoryEntries(current, rel)) {
            const abs = path.join(current, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== 'node_modules')
                    walk(abs);
            }
            else if ((entry.isFile() || entry.isSymbolicLink()) && MODULE_EXTENSIONS.has(path.extname(entry.name))) {
                files.push(abs);
            }
        }
    };
    walk(dir);
    return files;
}

/**
 * Looks up places in a source map's `mappings` string without decoding the whole map. Libraries
 * (@jridgewell/trace-mapping, source-map) decode every segment into arrays first: about 12 times the map's size
 * in memory, and a 16 MB map then costs ~200 MB that lives until a major GC. Here the string is walked once, up
 * to the last line asked for, keeping only the running sums the format needs (a segment's source, line and column
 * are deltas from the previous segment's, across lines), so memory does not grow with the map.
 * Format: https://tc39.es/ecma426/#sec-mappings (Base64 VLQ, `;` between generated lines, `,` between segments).
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++)
    DIGIT[BASE64.charCodeAt(i)] = i;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
/**
 * For each place, the segment a lookup with the greatest lower bound finds, as trace-mapping's
 * `originalPositionFor` does by default: the segment of the same generated line with the largest column not after
 * the place's. Null when that segment maps to no source; undefined when there is no such segment or the mappings
 * are malformed before the place's line (an index map then looks in the section before, on the same line).
 */
function mappingsAt(mappings, places) {
    const result = places.map(() => undefined);
    const byLine = new Map();
    places.forEach((p, i) => {
        const on = byLine.get(p.line);
        if (on)
            on.push(i);
        else
            byLine.set(p.line, [i]);
    });
    const columnOf = (i) => places[i].column;
    for (const on of byLine.values())
        on.sort((a, b) => columnOf(a) - columnOf(b));
    const lastLine = places.reduce((last, p) => Math.max(last, p.line), -1);
    // The current line's places by column; those before `next` are settled. Segments come in column order
    // (bundlers write them so), so each place is settled once: by the first segment at its column (an exact match),
    // else by the last segment before the first one past it (trace-mapping's binary search finds the same).
    let wanted = byLine.get(0);
    let next = 0;
    let previous;
    const settle = (on, generated, segment) => {
        while (next < on.length && columnOf(on[next]) < generated)
            result[on[next++]] = previous;
        while (next < on.length && columnOf(on[next]) === generated)
            result[on[next++]] = segment;
        previous = segment;
    };
    // One pass, every value in locals: this loop runs once per character of the mappings.
    let line = 0;
    let generated = 0;
    let source = 0;
    let originalLine = 0;
    let originalColumn = 0;
    const deltas = [0, 0, 0, 0];
    let field = 0;
    let value = 0;
    let shift = 0;
    for (let i = 0; i <= mappings.length && line <= lastLine; i++) {
        const c = i < mappings.length ? mappings.charCodeAt(i) : SEMICOLON;
        if (c === COMMA || c === SEMICOLON) {
            if (shift !== 0)
                return result; // a value cut short
            if (field > 0) {
                generated += deltas[0];
                const mapped = field >= 4;
                if (mapped) {
                    source += deltas[1];
                    originalLine += deltas[2];
                    originalColumn += deltas[3];
                }
                if (wanted) {
                    settle(wanted, generated, mapped ? { source, line: originalLine, column: originalColumn } : null);
                    if (line === lastLine && next === wanted.length)
                        return result;
                }
            }
            field = 0;
            if (c === SEMICOLON) {
                if (wanted)
                    settle(wanted, Infinity, null);
                line++;
                generated = 0;
                wanted = byLine.get(line);
                next = 0;
                previous = undefined;
            }
            continue;
        }
        const digit = c < 128 ? DIGIT[c] : -1;
        if (digit < 0 || shift > 25)
            return result;
        value |= (digit & 31) << shift;
        shift += 5;
        if ((digit & 32) === 0) {
            if (field < 4)
                deltas[field] = value & 1 ? -(value >>> 1) : value >>> 1;
            field++;
            value = 0;
            shift = 0;
        }
    }
    return result;
}

/**
 * Original positions of places in a parsed source map: a regular map (`mappings`) or an index map (`sections`,
 * as Turbopack writes them: https://tc39.es/ecma426/#sec-index-source-map). Nothing is decoded whole: a regular
 * map's `mappings` is walked up to the last line asked for (vlq-mappings.ts), and of an index map only the sections
 * that hold a place are walked, so memory stays that of the parsed JSON. @jridgewell/trace-mapping's `AnyMap`
 * would decode every section of the map into arrays first (the cost vlq-mappings.ts avoids); the answers here are
 * the ones it gives (tested against it).
 */
const position = () => int().check(_gte(0));
/** The part of a regular source map (version 3) the lookup needs; anything else in it is ignored. */
const regularMap = once(() => looseObject({
    version: literal(3),
    mappings: string(),
    sources: array(nullable(string())),
    sourceRoot: optional(nullable(string()))
}));
/** An index map: each section's map is checked only when a place falls in it. */
const indexMap = once(() => looseObject({
    version: literal(3),
    sections: array(looseObject({
        offset: object({ line: position(), column: position() }),
        map: optional(unknown()),
        url: optional(string())
    }))
}));
/**
 * For each place (0-based line and UTF-16 column of the generated file), where it comes from, or undefined. `notes`
 * says why part of the map could not be used (not a source map, a section given by URL, …), for the report.
 */
function traceMap(json, places) {
    const notes = new Set();
    const traced = trace(json, places, true, notes, 'not a version 3 source map');
    return { traced: traced.map((t) => t ?? undefined), notes: [...notes] };
}
/**
 * A section's map must be a regular map (ECMA-426): an index map inside one is refused (trace-mapping reads one,
 * but shifts every line of it by the outer section's column).
 */
function trace(json, places, top, notes, broken) {
    const regular = regularMap().safeParse(json);
    if (regular.success) {
        const { mappings, sources, sourceRoot } = regular.data;
        const root = sourceRoot ? sourceRoot.replace(/\/?$/, '/') : '';
        return mappingsAt(mappings, places).map((segment) => {
            if (!segment)
                return segment;
            const source = sources[segment.source];
            return typeof source === 'string'
                ? { source: `${root}${source}`, line: segment.line, column: segment.column }
                : null;
        });
    }
    const index = indexMap().safeParse(json);
    if (!index.success || !top) {
        notes.add(broken);
        return places.map(() => undefined);
    }
    const { sections } = index.data;
    if (!sections.every((s, i) => i === 0 || !before(s.offset, sections[i - 1].offset))) {
        notes.add('its index map sections are not in order');
        return places.map(() => undefined);
    }
    return traceSections(sections, places, notes);
}
/**
 * A place belongs to the last section starting at or before it. When that section has no segment at or before the
 * place on its line and started on that line, the section before it is asked, up to where the next one starts: an
 * index map is one map whose lines are its sections' lines laid end to end, and a lookup finds the nearest segment
 * to the left on the same line, whichever section wrote it.
 */
function traceSections(sections, places, notes) {
    const inSection = (k, points) => {
        const section = sections[k];
        if (section.map === undefined) {
            notes.add('its index map gives a section by URL (not read)');
            return points.map(() => undefined);
        }
        const { line, column } = section.offset;
        const local = points.map((p) => ({ line: p.line - line, column: p.line === line ? p.column - column : p.column }));
        return trace(section.map, local, false, notes, 'a section of its index map is not a regular version 3 source map');
    };
    const result = places.map(() => undefined);
    // Each round walks every section asked once, with all its places; a place with nothing there moves left.
    let pending = places.map((p, i) => ({ i, p }));
    while (pending.length > 0) {
        const bySection = new Map();
        for (const q of pending) {
            const k = sectionOf(sections, q.p);
            if (k < 0)
                continue;
            const asked = bySection.get(k);
            if (asked)
                asked.push(q);
            else
                bySection.set(k, [q]);
        }
        pending = [];
        for (const [k, asked] of bySection) {
            const traced = inSection(k, asked.map((q) => q.p));
            const { line, column } = sections[k].offset;
            asked.forEach((q, n) => {
                const t = traced[n];
                if (t !== undefined || line !== q.p.line || column === 0)
                    result[q.i] = t;
                else
                    pending.push({ i: q.i, p: { line, column: column - 1 } });
            });
        }
    }
    return result;
}
function before(a, b) {
    return a.line < b.line || (a.line === b.line && a.column < b.column);
}
/** The index of the last section starting at or before `p` (sections are in order), or -1. */
function sectionOf(sections, p) {
    let low = 0;
    let high = sections.length;
    while (low < high) {
        const mid = (low + high) >>> 1;
        if (before(p, sections[mid].offset))
            high = mid;
        else
            low = mid + 1;
    }
    return low - 1;
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
/**
 * Original positions of places in `file` (1-based line, 1-based UTF-16 column, as the scanner gives them), through
 * its source map (a regular or an index map): `sourceMappingURL` (a file under `dir`, or a data: URL), else
 * `<file>.map` beside the file. The
 * map is read for this call only and dropped after it. A missing map only means no original position; a map that
 * is there but cannot be used (not a regular file, over the cap, outside the build directory, broken) is named with
 * the reason. `rel` turns an absolute path into the report's form.
 */
function originalPositions(file, dir, cwd, places, rel) {
    const none = { positions: places.map(() => undefined) };
    const found = mapText(file, dir, rel);
    if (found === undefined)
        return none;
    if ('reason' in found)
        return { ...none, skipped: found };
    let json;
    try {
        json = JSON.parse(found.text);
    }
    catch {
        return { ...none, skipped: { file: found.label, reason: 'not valid JSON, not a source map' } };
    }
    const { traced, notes } = traceMap(json, places.map((p) => ({ line: p.line - 1, column: p.column - 1 })));
    const positions = traced.map((t) => t && { file: display(t.source, found.base, cwd), line: t.line + 1, column: t.column + 1 });
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
function display(named, mapFile, cwd) {
    const source = named.replace(/\?.*$/s, '');
    let absolute;
    if (/^file:\/\//i.test(source)) {
        try {
            absolute = fileURLToPath(source);
        }
        catch {
            return source;
        }
    }
    else {
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
/**
 * The map's text: the file `sourceMappingURL` names (relative to the built file; a root-relative URL such as Expo's
 * `/_expo/static/js/web/index-….js.map` is relative to the site root, the build directory), else `<file>.map`
 * beside it, which is also tried when the named file is not there or the URL names no file here (`https://…`).
 */
function mapText(file, dir, rel) {
    const url = commentUrl(file);
    if (url?.startsWith('data:'))
        return dataUrlText(url, rel(file), file);
    const beside = `${file}.map`;
    let named;
    if (url !== undefined && !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) {
        try {
            const pathname = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
            named = pathname.startsWith('/')
                ? path.join(dir, path.posix.normalize(pathname))
                : path.resolve(path.dirname(file), pathname);
        }
        catch {
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
function readMap(mapFile, rel) {
    try {
        const read = readRegularFile(mapFile, MAX_MAP_BYTES);
        if (read.overCap) {
            return { file: rel(mapFile), reason: `source map larger than ${sizeInWords(MAX_MAP_BYTES)}, not decoded` };
        }
        // Most maps are ASCII: latin1 then decodes as a copy, where utf8 decoding costs ~10 ms a MB.
        return { text: read.bytes.toString(isAscii(read.bytes) ? 'latin1' : 'utf8'), label: rel(mapFile), base: mapFile };
    }
    catch (error) {
        if (!(error instanceof UnreadableFile))
            throw error;
        if (error.missing)
            return undefined;
        return { file: rel(mapFile), reason: `source map not read: ${error.reason}` };
    }
}
/** The last `sourceMappingURL` in the file's tail; a data: URL longer than the tail is read from the whole file. */
function commentUrl(file) {
    let tail;
    let size;
    try {
        const opened = openRegularFile(file);
        size = opened.size;
        try {
            const buffer = Buffer.alloc(Math.min(TAIL, size));
            readSync(opened.fd, buffer, 0, buffer.length, size - buffer.length);
            tail = buffer.toString('utf8');
        }
        finally {
            closeSync(opened.fd);
        }
        let url = lastMatch(tail);
        if (url === undefined && size > TAIL && size <= MAX_MAP_BYTES && tail.includes(';base64,')) {
            url = lastMatch(readRegularFile(file, MAX_MAP_BYTES).bytes.toString('utf8'));
        }
        return url;
    }
    catch (error) {
        if (error instanceof UnreadableFile)
            return undefined;
        throw error;
    }
}
function lastMatch(text) {
    let url;
    for (const match of text.matchAll(COMMENT))
        url = match[1];
    return url;
}
function dataUrlText(url, label, base) {
    const comma = url.indexOf(',');
    if (comma === -1)
        return { file: label, reason: 'its inline source map is not a data: URL with data' };
    const meta = url.slice(5, comma);
    const data = url.slice(comma + 1);
    try {
        return {
            text: meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data),
            label,
            base
        };
    }
    catch {
        return { file: label, reason: 'its inline source map cannot be decoded' };
    }
}

/** Places of one thing in a file looked up in its source map to choose the one reported; the rest are not. */
const MAX_PLACES = 32;
/**
 * The things `wanted` keeps among a file's candidates, each once, with its places (up to MAX_PLACES, to choose
 * the one reported). Every secret key is added to `scan.secrets`; a thing past `maxHits` of its kind over the
 * whole scan (`listed` counts them) is counted in `scan.omitted`, not listed.
 */
function thingsIn(candidates, wanted, scan, listed, maxHits) {
    const things = new Map();
    for (const candidate of candidates) {
        const artifact = classifyCandidate(candidate);
        if (!artifact || !wanted(artifact))
            continue;
        if (artifact.kind === 'secret-key')
            scan.secrets.add(artifact.key);
        const id = artifact.kind === 'dev-host' ? artifact.host : artifact.key;
        if (things.has(id)) {
            const known = things.get(id);
            if (known && known.candidates.length < MAX_PLACES)
                known.candidates.push(candidate);
        }
        else if (listed[artifact.kind] >= maxHits) {
            scan.omitted[artifact.kind]++;
            things.set(id, undefined);
        }
        else {
            listed[artifact.kind]++;
            things.set(id, { artifact, candidates: [candidate] });
        }
    }
    return [...things.values()].filter((t) => t !== undefined);
}
/**
 * The hits of one file, one per thing, with original positions from its source map (read once here, dropped on
 * return). A thing that occurs several times is reported where the map leads to the app's own code: a bundler
 * inlines a value where the app uses it and also where a package reads it (Vite writes the whole `import.meta.env`
 * object where @clerk/shared's `getEnvVariable` reads it, Gatsby where gatsby-plugin-clerk's `src/constants.ts`
 * does), and only the app's line tells the user what to change. Otherwise its first place.
 */
function fileHits(file, dir, cwd, things, rel, skipped) {
    const lookup = originalPositions(file, dir, cwd, things.flatMap((t) => t.candidates), rel);
    if (lookup.skipped)
        skipped.push(lookup.skipped);
    let at = 0;
    return things.map(({ artifact, candidates }) => {
        const originals = lookup.positions.slice(at, (at += candidates.length));
        const chosen = Math.max(0, originals.findIndex((o) => o !== undefined && isAppSource(o)));
        const candidate = candidates[chosen];
        const original = originals[chosen];
        return {
            artifact,
            file: rel(file),
            line: candidate.line,
            column: candidate.column,
            excerpt: candidate.excerpt,
            ...(original && { original })
        };
    });
}
/**
 * Code of the app itself, as a source path shown in the report: not a package (anything under `node_modules`, or
 * a bundler path still shown with its scheme because it climbs out of the project, as a package's own `src/` that
 * its map leads to does: `webpack://app/../src/constants.ts`), nor a bundler's virtual module or runtime.
 */
function isAppSource(original) {
    return !NOT_APP.test(original.file);
}
const NOT_APP = /(^|\/)(node_modules\/|\0)|^[a-z][a-z0-9+.-]*:\/\/|^(webpack\/(runtime|bootstrap)|\(webpack\)|\[turbopack\]|\[externals\])\//i;

/** Client files: what the browser loads, and the manifests and texts that travel with it. Never `.map`. */
const CLIENT_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.json', '.txt']);
/**
 * Hits listed per kind of thing found, so a bundle full of one key cannot grow memory. A cap per kind, not one for
 * all: what is past it is still counted, masked and judged, and every kind found has a listed hit (a finding)
 * that decides the verdict.
 */
const MAX_HITS = 500;
/** The most of one built file scanned: real chunks are a few MB. The rest of a larger file is not scanned. */
const MAX_BUILD_FILE_BYTES = 256 * 1024 * 1024;
/**
 * Scans every client file under the directories, one file at a time through one reused buffer (see
 * byte-scanner.ts). Each thing found is reported once per file: where its source map leads to the app's own code,
 * else at its first place (file-hits.ts). Only what `wanted` keeps is a hit (the caller knows which artifacts are
 * findings; a production key never is). Source maps are read only for a file with hits, one at a time, and
 * dropped after use. An unreadable file or directory stops the gate (exit 2): a scan that silently missed a file
 * would pass a leaked key. A file that is not a regular file, or over the size cap, makes the scan incomplete,
 * with the reason. In `astroServerDirs`, only the scripts Astro inlines into server-rendered pages are judged
 * (see astro-inline-scripts.ts).
 */
function scanBuildOutput(cwd, dirs, wanted, astroServerDirs = []) {
    const scanner = new ByteScanner();
    const scan = {
        hits: [],
        omitted: { 'publishable-key': 0, 'secret-key': 0, 'dev-host': 0 },
        secrets: new Set(),
        files: 0,
        bytes: 0,
        skipped: [],
        incomplete: []
    };
    const listed = { 'publishable-key': 0, 'secret-key': 0, 'dev-host': 0 };
    const rel = (abs) => path.relative(cwd, abs).split(path.sep).join('/') || '.';
    const skip = (file, reason) => {
        scan.skipped.push({ file, reason });
        scan.incomplete.push(`${file}: ${reason}`);
    };
    for (const dir of dirs) {
        for (const file of clientFiles(dir, rel, scan.skipped, skip)) {
            const candidates = scanFile(scanner, file, rel(file), scan, skip);
            if (candidates === undefined)
                continue;
            const kept = thingsIn(candidates, wanted, scan, listed, MAX_HITS);
            if (kept.length > 0)
                scan.hits.push(...fileHits(file, dir, cwd, kept, rel, scan.skipped));
        }
    }
    scanAstroInlineScripts(scanner, astroServerDirs, rel, skip, scan, (candidates) => {
        const kept = [];
        for (const { artifact, candidate, file } of candidates) {
            if (!wanted(artifact))
                continue;
            if (artifact.kind === 'secret-key')
                scan.secrets.add(artifact.key);
            if (listed[artifact.kind] >= MAX_HITS)
                scan.omitted[artifact.kind]++;
            else {
                listed[artifact.kind]++;
                kept.push(hitAt(artifact, file, candidate));
            }
        }
        scan.hits.push(...kept);
    });
    return scan;
}
function hitAt(artifact, file, candidate) {
    return { artifact, file, line: candidate.line, column: candidate.column, excerpt: candidate.excerpt };
}
/**
 * The candidates in one file, or undefined when it is not a regular file (skipped, with the reason). A file over
 * the cap is scanned up to it, and the scan is incomplete.
 */
function scanFile(scanner, file, label, scan, skip) {
    let fd;
    let size;
    try {
        ({ fd, size } = openRegularFile(file));
    }
    catch (error) {
        if (error instanceof UnreadableFile && error.missing) {
            scan.skipped.push({ file: label, reason: 'a symbolic link to nothing; nothing to scan' });
            return undefined;
        }
        if (error instanceof UnreadableFile && error.code === undefined) {
            skip(label, `${error.reason}; not scanned`);
            return undefined;
        }
        throw new InputError(`${label}: cannot read (${error instanceof UnreadableFile ? error.reason : 'error'})`);
    }
    scan.files++;
    if (size > MAX_BUILD_FILE_BYTES) {
        skip(label, `larger than ${sizeInWords(MAX_BUILD_FILE_BYTES)}: only its first ${sizeInWords(MAX_BUILD_FILE_BYTES)} scanned`);
    }
    let read = 0;
    try {
        const source = {
            read: (buffer, offset, length) => {
                const n = readSync(fd, buffer, offset, Math.min(length, MAX_BUILD_FILE_BYTES - read), null);
                read += n;
                scan.bytes += n;
                return n;
            },
            readAt: (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position)
        };
        return scanner.scan(source, (candidate) => classifyCandidate(candidate) !== null);
    }
    catch (error) {
        throw new InputError(`${label}: cannot read (${error.code ?? 'error'})`);
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Client files under `dir`, sorted, depth first; server output and node_modules are left out, but for the
 * prerendered pages of a server directory (only their page, payload and data files; see build-output.ts). A symbolic link to
 * a file is read as the file it names (only a regular one); a link to a directory is not followed (a loop would
 * never end), and neither is anything else that is not a regular file: each is skipped with its reason.
 */
function clientFiles(dir, rel, skipped, skip) {
    const files = [];
    const walk = (current, extensions) => {
        for (const entry of directoryEntries(current, rel)) {
            const abs = path.join(current, entry.name);
            const client = extensions.has(path.extname(entry.name).toLowerCase());
            if (entry.isDirectory()) {
                if (entry.name === 'node_modules')
                    continue;
                if (isServerDir(abs)) {
                    const prerendered = prerenderedDirsIn(abs);
                    const pages = prerendered.length > 0 ? ' (its prerendered pages are scanned)' : '';
                    skipped.push({ file: rel(abs), reason: `server output, not sent to the browser${pages}` });
                    for (const pagesDir of prerendered)
                        walk(pagesDir, prerenderedExtensions(pagesDir) ?? CLIENT_EXTENSIONS);
                    continue;
                }
                walk(abs, extensions);
            }
            else if (entry.isSymbolicLink()) {
                if (linksToDirectory(abs))
                    skip(rel(abs), 'a symbolic link to a directory, not followed; not scanned');
                else if (client)
                    files.push(abs);
            }
            else if (client) {
                // A FIFO, socket or device file: never opened (a FIFO would block, a device read without end).
                if (entry.isFile())
                    files.push(abs);
                else
                    skip(rel(abs), `${notRegularFile(entry) ?? 'not a regular file'}; not scanned`);
            }
        }
    };
    walk(dir, prerenderedExtensions(dir) ?? CLIENT_EXTENSIONS);
    return files;
}
function linksToDirectory(abs) {
    try {
        return statSync(abs).isDirectory();
    }
    catch {
        return false;
    }
}

/** checkBundle's scan of the build directories `plan` found (at least one). */
function scanBundle(cwd, plan, isProduction, onApiError, notScanned) {
    const wanted = (a) => a.kind === 'secret-key' ||
        (ruleApplies(bundleDevPublishableKey, isProduction) &&
            (a.kind === 'dev-host' || a.parsed.instanceType === 'development'));
    const scan = scanBuildOutput(cwd, plan.dirs, wanted, plan.astroServerDirs);
    const hits = scan.hits.map(toHit);
    const rel = plan.dirs.map((d) => relativeDir(cwd, d));
    const scanned = `${plural(scan.files, 'file')} (${megabytes(scan.bytes)}) of ${rel.join(', ')}`;
    const more = scan.incomplete.length > 3 ? '; …' : '';
    const incomplete = scan.incomplete.length > 0
        ? `${plural(scan.incomplete.length, 'file')} not read whole (${scan.incomplete.slice(0, 3).join('; ')}${more})`
        : undefined;
    if (incomplete !== undefined)
        hits.push(incompleteHit(scan, incomplete, isProduction, onApiError));
    const omitted = new Map([
        [bundleDevPublishableKey.id, scan.omitted['publishable-key']],
        [bundleDevFrontendApi.id, scan.omitted['dev-host']],
        [bundleSecretKey.id, scan.omitted['secret-key']]
    ]);
    return {
        hits,
        checklist: (findings) => artifactChecks(BUNDLE_RULES, findings, isProduction, scanned, notScanned, {
            omitted,
            ...(incomplete !== undefined && { incomplete, tolerated: onApiError === 'warn' })
        }),
        skipped: [...plan.skipped, ...scan.skipped],
        secrets: [...scan.secrets],
        scanned: true
    };
}
function toHit(hit) {
    const origin = { kind: 'file', file: hit.file, line: hit.line, column: hit.column };
    const { artifact } = hit;
    if (artifact.kind === 'secret-key') {
        return artifactHit(bundleSecretKey, 'found', { what: secretKeyKind(artifact) }, hit, origin);
    }
    if (artifact.kind === 'publishable-key') {
        return artifactHit(bundleDevPublishableKey, 'found', { host: artifact.parsed.frontendApi }, hit, origin);
    }
    return artifactHit(bundleDevFrontendApi, 'found', { host: artifact.host }, hit, origin);
}
/**
 * The hit that a scan left part of the output unread: an error in production (a warning with
 * `on-api-error: warn`), a warning elsewhere, so a bundle the gate could not read whole never passes silently.
 */
function incompleteHit(scan, reasons, isProduction, onApiError) {
    const first = scan.skipped.find((s) => scan.incomplete.some((i) => i.startsWith(`${s.file}: `)));
    const file = first?.file ?? '.';
    return {
        meta: bundleIncomplete,
        messageId: 'unread',
        data: { reasons },
        severity: isProduction && onApiError === 'fail' ? 'error' : 'warning',
        subject: 'build-dirs',
        value: file,
        origin: { kind: 'file', file, line: 1, column: 1 }
    };
}
/** As the findings name files: relative to the working directory. */
function relativeDir(cwd, dir) {
    return (path.relative(cwd, dir) || '.').split(path.sep).join('/');
}
function megabytes(bytes) {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export { scanBundle };
