import { a2 as parsePublishableKey, a3 as isDevelopmentOrStagingHost } from './index.js';

/**
 * The text of an excerpt of built code around a token, with every other string literal's content replaced by `…`:
 * the context shows the code's shape (`DATABASE_URL:"…",publishableKey:"pk_test_…"`), never a neighbouring value.
 *
 * The excerpt is a window of a minified line, so where a literal starts may lie outside it. The token's own
 * literal is taken to run from the nearest quote before the token to the same quote after it; outward from there
 * the code is read quote by quote (each quote opens or closes a literal; an escaped quote counts too, so a JSON
 * text inside a string literal has its values masked as well). A literal cut by the window's edge is masked up to
 * the edge, and when the token's own literal has no quote inside the window on a side, that whole side is masked.
 * Tabs show as spaces; every other control character is left for the reporters to escape.
 */
const QUOTE = new Set([0x22, 0x27, 0x60]);
const HIDDEN = '…';
/** Bytes [a, b) of `buf` around the token at [s, e), as text, other literals masked. */
function maskedExcerpt(buf, a, b, s, e) {
    const text = (from, to) => Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8');
    let open = s - 1;
    while (open >= a && !QUOTE.has(buf[open]))
        open--;
    let close = -1;
    if (open >= a) {
        close = e;
        while (close < b && buf[close] !== buf[open])
            close++;
    }
    const left = open < a ? (a < s ? HIDDEN : '') : maskLeft(buf, a, open, text) + text(open, s);
    const right = open < a || close >= b ? (e < b ? HIDDEN : '') : text(e, close + 1) + maskRight(buf, close + 1, b, text);
    // A tab shows as a space: reporters would escape it (`\x09`), and it is only indentation.
    return (left + text(s, e) + right).replaceAll('\t', ' ');
}
/** Code in [a, end), read backwards from `end` (which is outside any literal). */
function maskLeft(buf, a, end, text) {
    const parts = [];
    let i = end;
    let at = end;
    while (i > a) {
        const c = buf[i - 1];
        if (!QUOTE.has(c)) {
            i--;
            continue;
        }
        // A quote at i-1 closes a literal that opened at the same quote further left.
        let j = i - 2;
        while (j >= a && buf[j] !== c)
            j--;
        parts.unshift(text(i - 1, at));
        if (j < a) {
            parts.unshift(HIDDEN);
            return parts.join('');
        }
        parts.unshift(text(j, j + 1) + (j + 1 < i - 1 ? HIDDEN : ''));
        at = j;
        i = j;
    }
    parts.unshift(text(a, at));
    return parts.join('');
}
/** Code in [start, b), read forwards from `start` (which is outside any literal). */
function maskRight(buf, start, b, text) {
    const parts = [];
    let i = start;
    let at = start;
    while (i < b) {
        const c = buf[i];
        if (!QUOTE.has(c)) {
            i++;
            continue;
        }
        let j = i + 1;
        while (j < b && buf[j] !== c)
            j++;
        parts.push(text(at, i + 1));
        if (j >= b) {
            parts.push(HIDDEN);
            return parts.join('');
        }
        parts.push((j > i + 1 ? HIDDEN : '') + text(j, j + 1));
        at = j + 1;
        i = j + 1;
    }
    parts.push(text(at, b));
    return parts.join('');
}

/**
 * Finds Clerk keys and development hosts in built client code, as bytes. Minified bundles are a few files with
 * very long lines, so the scan never splits lines or decodes text: it reads through one reused buffer and looks
 * only at the bytes around two anchors that every candidate contains:
 *  - `_` preceded by `test` or `live` (`pk_test_`, `sk_live_`, legacy `test_…`): one memchr pass;
 *  - `v` preceded by `.de` (every development or staging suffix but Clerk's internal `lclclerk.com` ends in `.dev`).
 * Single-byte searches are memchr; multi-byte `Buffer.indexOf` passes cost several times more (bench/README.md).
 * Positions (line, UTF-16 column, as source maps count them) are worked out only for a candidate.
 */
/** Bytes read per window. */
const WINDOW = 1 << 20;
/** The longest token looked at: longer runs are not keys or hosts (a publishable key is ~60–120 bytes). */
const MAX_TOKEN = 512;
/** Context kept before a window's new bytes: a host's start and the excerpt. */
const BACK = 1024;
const EXCERPT = 48;
const UNDERSCORE = 0x5f;
const LOWER_V = 0x76;
const NEWLINE = 0x0a;
/** One scanner per run: its buffers are reused for every file. */
class ByteScanner {
    buffer = Buffer.allocUnsafe(BACK + WINDOW + MAX_TOKEN);
    side = Buffer.allocUnsafe(64 * 1024);
    /**
     * Every candidate in `source`, in order; with `keep`, only those it keeps. Positions and excerpts are worked out
     * only for kept ones (a bundle carries dozens of Clerk's own constants, and a column on a long line costs).
     */
    scan(source, keep) {
        const buf = this.buffer;
        const found = [];
        const position = new Positions(source, this.side);
        // buf[0] is at `base` in the data; [0, start) was searched before (context only); [start, filled) is new.
        let base = 0;
        let start = 0;
        let filled = 0;
        for (;;) {
            let eof = false;
            while (filled < buf.length) {
                const n = source.read(buf, filled, buf.length - filled);
                if (n === 0) {
                    eof = true;
                    break;
                }
                filled += n;
            }
            // A candidate starting within MAX_TOKEN of the end waits for the next window, which will hold all of it.
            const limit = eof ? filled : filled - MAX_TOKEN;
            this.searchWindow(buf, start, limit, filled, eof, base, position, found, keep);
            if (eof)
                return found;
            position.advance(buf, base, base + limit);
            const keepFrom = Math.max(0, limit - BACK);
            buf.copyWithin(0, keepFrom, filled);
            base += keepFrom;
            start = limit - keepFrom;
            filled -= keepFrom;
        }
    }
    searchWindow(buf, from, limit, filled, eof, base, position, found, keep) {
        // Two sorted lists of anchors, merged so candidates come in order.
        const keys = [];
        for (let p = buf.indexOf(UNDERSCORE, from); p !== -1 && p < limit; p = buf.indexOf(UNDERSCORE, p + 1)) {
            if (isTestOrLive(buf, p))
                keys.push(p);
        }
        const hosts = [];
        for (let p = buf.indexOf(LOWER_V, from); p !== -1 && p < limit; p = buf.indexOf(LOWER_V, p + 1)) {
            if (p >= 3 && buf[p - 1] === 0x65 && buf[p - 2] === 0x64 && buf[p - 3] === 0x2e)
                hosts.push(p);
        }
        const end = eof ? filled : Math.min(filled, limit + MAX_TOKEN);
        let i = 0;
        let j = 0;
        let lastEnd = -1;
        while (i < keys.length || j < hosts.length) {
            const takeKey = j >= hosts.length || (i < keys.length && keys[i] < hosts[j]);
            const anchor = takeKey ? keys[i++] : hosts[j++];
            const span = takeKey ? keySpan(buf, anchor, end) : hostSpan(buf, anchor, end);
            // A host inside a key's text (or the second anchor of one token) is the same candidate.
            if (!span || span[0] < lastEnd)
                continue;
            lastEnd = span[1];
            const [s, e] = span;
            const text = {
                kind: takeKey ? 'key' : 'host',
                text: buf.toString('latin1', s, e),
                before: s > 0 ? buf[s - 1] : 0,
                after: e < filled ? buf[e] : 0
            };
            if (keep && !keep(text))
                continue;
            const { line, column } = position.at(buf, base, s);
            found.push({ ...text, line, column, excerpt: excerpt(buf, s, e, filled) });
        }
    }
}
/** `test_` or `live_` ending at the `_` at `p`. */
function isTestOrLive(buf, p) {
    if (p < 4)
        return false;
    const a = buf[p - 4];
    const b = buf[p - 3];
    const c = buf[p - 2];
    const d = buf[p - 1];
    return ((a === 0x74 && b === 0x65 && c === 0x73 && d === 0x74) || (a === 0x6c && b === 0x69 && c === 0x76 && d === 0x65));
}
const isAlnum = (c) => c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
const isBase64 = (c) => isAlnum(c) || c === 0x2b || c === 0x2f || c === 0x3d;
const isTokenByte = (c) => isBase64(c) || c === UNDERSCORE || c === 0x2d || c === 0x24;
const isHostChar = (c) => isAlnum(c) || c === 0x2e || c === 0x2d;
/**
 * The key around the `_` of `test_`/`live_` at `p`: `pk_`/`sk_` before it when there, then the body (base64 for a
 * publishable key, letters and digits otherwise). Null when glued to a word (`latest_`, `xsk_test_`).
 */
function keySpan(buf, p, end) {
    let s = p - 4;
    const prefixed = s >= 3 && buf[s - 1] === UNDERSCORE && buf[s - 2] === 0x6b && (buf[s - 3] === 0x70 || buf[s - 3] === 0x73);
    if (prefixed)
        s -= 3;
    if (s > 0 && (isAlnum(buf[s - 1]) || buf[s - 1] === UNDERSCORE || buf[s - 1] === 0x24))
        return null;
    const body = prefixed && buf[s] === 0x70 ? isBase64 : isAlnum;
    let e = p + 1;
    while (e < end && e - s < MAX_TOKEN && body(buf[e]))
        e++;
    return [s, e];
}
/** The host around the `v` of `.dev` at `p`: letters, digits, dots and dashes on both sides. */
function hostSpan(buf, p, end) {
    let s = p - 3;
    while (s > 0 && p - s < MAX_TOKEN && isHostChar(buf[s - 1]))
        s--;
    let e = p + 1;
    while (e < end && e - s < MAX_TOKEN && isHostChar(buf[e]))
        e++;
    return [s, e];
}
/**
 * The token with up to EXCERPT bytes of its line on each side, as text (invalid UTF-8 as U+FFFD), other string
 * literals masked (see excerpt.ts).
 */
function excerpt(buf, s, e, filled) {
    let a = s;
    while (a > 0 && s - a < EXCERPT && buf[a - 1] !== NEWLINE && buf[a - 1] !== 0x0d)
        a--;
    let b = e;
    while (b < filled && b - e < EXCERPT && buf[b] !== NEWLINE && buf[b] !== 0x0d)
        b++;
    // Never start or end inside a word (part of another key would be shown without its prefix, so unredacted),
    // nor inside a UTF-8 sequence.
    if (a > 0 && isTokenByte(buf[a - 1]))
        while (a < s && isTokenByte(buf[a]))
            a++;
    if (b < filled && isTokenByte(buf[b]))
        while (b > e && isTokenByte(buf[b - 1]))
            b--;
    while (a < s && (buf[a] & 0xc0) === 0x80)
        a++;
    while (b > e && b < filled && (buf[b] & 0xc0) === 0x80)
        b--;
    return maskedExcerpt(buf, a, b, s, e);
}
/**
 * Line and column of byte offsets, counted lazily: newlines up to the searched end of each window, and a column
 * only when a candidate needs one (from the line's start, re-reading bytes before the window if the line began
 * there: a minified line can be megabytes long).
 */
class Positions {
    source;
    side;
    line = 1;
    /** Offset in the data of the current line's first byte. */
    lineStart = 0;
    /** Offset up to which newlines have been counted. */
    counted = 0;
    /** The last column worked out, to count on from it on the same line. */
    memo = { offset: 0, column: 1 };
    constructor(source, side) {
        this.source = source;
        this.side = side;
    }
    /** Counts newlines up to `offset` (in the data), which must be in the window. */
    advance(buf, base, offset) {
        let p = buf.indexOf(NEWLINE, this.counted - base);
        while (p !== -1 && p + base < offset) {
            this.line++;
            this.lineStart = p + base + 1;
            p = buf.indexOf(NEWLINE, p + 1);
        }
        this.counted = Math.max(this.counted, offset);
    }
    at(buf, base, index) {
        const offset = base + index;
        this.advance(buf, base, offset);
        const from = this.memo.offset >= this.lineStart && this.memo.offset <= offset
            ? this.memo
            : { offset: this.lineStart, column: 1 };
        let units = 0;
        if (from.offset >= base)
            units = utf16Units(buf, from.offset - base, index);
        else {
            units = this.unitsBefore(from.offset, base) + utf16Units(buf, 0, index);
        }
        this.memo = { offset, column: from.column + units };
        return { line: this.line, column: this.memo.column };
    }
    /** UTF-16 units in the data's bytes [from, to), re-read through the side buffer. */
    unitsBefore(from, to) {
        let units = 0;
        for (let at = from; at < to;) {
            const n = this.source.readAt(this.side, 0, Math.min(this.side.length, to - at), at);
            if (n === 0)
                break;
            units += utf16Units(this.side, 0, n);
            at += n;
        }
        return units;
    }
}
/** UTF-16 code units that bytes [from, to) of UTF-8 decode to: every byte but continuations, and two for 4-byte sequences. */
function utf16Units(buf, from, to) {
    let units = 0;
    for (let i = from; i < to; i++) {
        const c = buf[i];
        if (c < 0x80)
            units++;
        else if (c >= 0xf0)
            units += 2;
        else if (c >= 0xc0)
            units++;
    }
    return units;
}
/** A ByteSource over bytes already in memory (a fetched page or chunk). */
function bufferSource(data) {
    let at = 0;
    const copy = (target, offset, length, position) => {
        const n = Math.max(0, Math.min(length, data.length - position));
        target.set(data.subarray(position, position + n), offset);
        return n;
    };
    return {
        read(target, offset, length) {
            const n = copy(target, offset, length, at);
            at += n;
            return n;
        },
        readAt: copy
    };
}

const QUOTES = new Set([0x22, 0x27, 0x60]);
/** Shortest body of a secret key we call one: Clerk's are 40+ characters, Stripe's 99; `sk_test_` alone is a constant. */
const MIN_SECRET_BODY = 20;
/** 2021-era API keys (`test_…`, `live_…`) are long random runs; shorter `test_…` strings are names. */
const MIN_LEGACY_BODY = 30;
/**
 * Hosts that Clerk's SDKs carry as constants, development or not: the Backend API and Frontend API proxies of
 * Clerk's staging and local environments (`api.clerkstage.dev`, `frontend-api.clerkstage.dev`). Bare suffixes (`accounts.dev`, `.lcl.dev`) are ruled
 * out by shape below.
 */
const SDK_HOSTS = /^(api|frontend-api)\./;
/**
 * The example hosts of `@clerk/shared`'s and `@clerk/backend`'s doc comments (`url.ts`: "Matches patterns like:
 * foo-bar-13.clerk.accounts.dev"). An unminified build (Turbopack with `turbopackMinify: false`) keeps those
 * comments in the client chunks; they name no instance of the app.
 */
const SDK_EXAMPLE_HOSTS = new Set([
    'foo-bar-13.clerk.accounts.dev',
    'foo-bar-13.accounts.dev',
    'foo-bar-13.accountsstage.dev',
    'accounts.foo.bar-13.lcl.dev',
    'magical-marmoset-51.clerk.accounts.dev'
]);
/**
 * Decides what a candidate is:
 *  - a publishable key only when `@clerk/shared` would parse it (so the bare prefix `pk_test_` and Stripe's
 *    `pk_test_51…` are not);
 *  - a secret key (Clerk's or Stripe's: the same prefixes) with a body of 20+ letters and digits; a legacy
 *    `test_`/`live_` API key only between quotes, 30+ characters, so identifiers such as `test_mode` are not;
 *  - a development host when the offline gate's host rules call it one and it names an instance: it has a label
 *    before the suffix (`accounts.dev` and `.lcl.dev` are the SDK's suffix lists) and is not `api.…`.
 */
function classifyCandidate(candidate) {
    const { text } = candidate;
    if (candidate.kind === 'key') {
        if (text.startsWith('pk_')) {
            const parsed = parsePublishableKey(text);
            return parsed ? { kind: 'publishable-key', key: text, parsed } : null;
        }
        if (text.startsWith('sk_')) {
            return text.length - 'sk_test_'.length >= MIN_SECRET_BODY
                ? { kind: 'secret-key', key: text, legacy: false }
                : null;
        }
        const quoted = QUOTES.has(candidate.before) && candidate.after === candidate.before;
        return quoted && text.length - 'test_'.length >= MIN_LEGACY_BODY
            ? { kind: 'secret-key', key: text, legacy: true }
            : null;
    }
    const host = text.toLowerCase().replace(/\.$/, '');
    if (host.startsWith('.') || host.startsWith('-') || SDK_HOSTS.test(host) || SDK_EXAMPLE_HOSTS.has(host))
        return null;
    if (!isDevelopmentOrStagingHost(host) || !namesAnInstance(host))
        return null;
    return { kind: 'dev-host', host };
}
/** Suffixes a development host has; a host must have a label of its own before one of them. */
const INSTANCE_SUFFIXES = [
    '.clerk.accounts.dev',
    '.accounts.dev',
    '.accountsstage.dev',
    '.lcl.dev',
    '.lclstage.dev',
    '.stg.dev',
    '.stgstage.dev',
    '.clerkstage.dev'
];
function namesAnInstance(host) {
    const suffix = INSTANCE_SUFFIXES.find((s) => host.endsWith(s));
    if (!suffix)
        return false;
    const label = host.slice(0, -suffix.length);
    // `clerk.accounts.dev` is `clerk` + `.accounts.dev`: the suffix itself, not an instance.
    return (label !== '' && !(suffix === '.accounts.dev' && label === 'clerk') && /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(label));
}

export { ByteScanner as B, bufferSource as b, classifyCandidate as c };
