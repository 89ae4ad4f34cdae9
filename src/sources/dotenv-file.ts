import type { SourceDiagnostic } from '../core/source.js';
import type { Origin, Variable } from '../core/variable.js';
import { parseIgnoreDirective } from './ignore-comment.js';

/**
 * dotenv 16.6's LINE regex, copied verbatim from node_modules/dotenv/lib/main.js because `dotenv.parse`
 * returns only name → value and we need each definition's position (and every duplicate).
 * The corpus test checks that we still agree with `dotenv.parse`; re-copy it when upgrading dotenv.
 * Flags: dotenv uses `mg`; `d` adds match.indices so we can locate the name and the value exactly.
 */
const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

const NOT_A_DEFINITION = 'line is not a NAME=value definition; dotenv ignores it';

/** dotenv's value post-processing, copied from its `parse` (trim, strip quotes, `\n`/`\r` in double quotes). */
function dotenvValue(raw: string | undefined): string {
  let value = (raw ?? '').trim();
  const maybeQuote = value[0];
  // Only a value that starts with a quote can match dotenv's quote-stripping regex (unquoted values are one line).
  if (maybeQuote !== '"' && maybeQuote !== "'" && maybeQuote !== '`') return value;
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (maybeQuote === '"') {
    value = value.replace(/\\n/g, '\n');
    value = value.replace(/\\r/g, '\r');
  }
  return value;
}

interface Span {
  start: number;
  end: number;
}

export function parseDotenv(text: string, file: string): { variables: Variable[]; diagnostics: SourceDiagnostic[] } {
  // Same normalization as dotenv; `\r\n` and lone `\r` each become one `\n`, so line numbers stay physical.
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const hasBom = src.charCodeAt(0) === 0xfeff;

  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const matches: Span[] = [];
  const valueSpans: Span[] = [];
  const defs: { name: string; value: string; origin: Origin & { kind: 'file' }; ignoredRules: readonly string[] }[] =
    [];

  // One compiled regex for every file (parsing runs synchronously, so sharing its lastIndex is safe).
  const re = LINE;
  re.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(src)) !== null) {
    const nameSpan = match.indices?.[1];
    const name = match[1];
    if (!nameSpan || name === undefined) continue; // cannot happen: group 1 is mandatory
    matches.push({ start: match.index, end: match.index + match[0].length });
    const valueSpan = match.indices?.[2];
    if (valueSpan) valueSpans.push({ start: valueSpan[0], end: valueSpan[1] });

    const line = lineOf(nameSpan[0]);
    // Editors do not count the BOM as a column.
    const column = nameSpan[0] - (lineStarts[line - 1] ?? 0) + 1 - (line === 1 && hasBom ? 1 : 0);
    const origin = { kind: 'file' as const, file, line, column };

    // Trailing comment: the rest of the physical line after the value (after the closing quote when quoted).
    const valueEnd = valueSpan ? valueSpan[1] : nameSpan[1];
    const lineEnd = src.indexOf('\n', valueEnd);
    const hash = src.indexOf('#', valueEnd);
    const trailing =
      hash === -1 || (lineEnd !== -1 && hash > lineEnd)
        ? NONE
        : parseIgnoreDirective(src.slice(hash, lineEnd === -1 ? src.length : lineEnd));
    const above = line >= 2 ? commentAbove(line - 1) : NONE;
    const ignoredRules = above.length + trailing.length === 0 ? NONE : [...new Set([...above, ...trailing])];
    defs.push({ name: internName(name), value: dotenvValue(match[2]), origin, ignoredRules });
  }

  /** Ignore ids from physical line `n` when it is a standalone comment (not text inside a quoted value). */
  function commentAbove(n: number): readonly string[] {
    const first = firstNonSpace(n);
    if (first === -1 || src.charCodeAt(first) !== HASH || inside(valueSpans, first)) return NONE;
    return parseIgnoreDirective(src.slice(first, lineEndOf(n)));
  }

  /** Offset of the first non-whitespace character of physical line `n`, or -1 for a blank line. */
  function firstNonSpace(n: number): number {
    const end = lineEndOf(n);
    for (let i = lineStarts[n - 1] ?? 0; i < end; i++) if (!isSpace(src.charCodeAt(i))) return i;
    return -1;
  }

  function lineEndOf(n: number): number {
    return n < lineStarts.length ? (lineStarts[n] ?? src.length) - 1 : src.length;
  }

  const last = new Map<string, Origin>();
  for (const d of defs) last.set(d.name, d.origin);
  const variables: Variable[] = defs.map((d) => {
    const winner = last.get(d.name);
    // Every variable gets the same properties in the same order (one hidden class for V8's inline caches).
    return {
      name: d.name,
      value: d.value,
      origin: d.origin,
      ignoredRules: d.ignoredRules.length > 0 ? [...d.ignoredRules] : undefined,
      shadowedBy: winner && winner !== d.origin ? winner : undefined
    };
  });

  const diagnostics: SourceDiagnostic[] = [];
  for (let n = 1; n <= lineStarts.length; n++) {
    const first = firstNonSpace(n);
    if (first === -1 || src.charCodeAt(first) === HASH) continue;
    if (!inside(matches, first)) diagnostics.push({ file, line: n, message: NOT_A_DEFINITION });
  }

  return { variables, diagnostics };
}

const NONE: readonly string[] = [];

/**
 * A name matched by the regex is a slice of the file's whole text, and V8 keeps that text alive as long
 * as the slice lives (in findings, to the end of the run). Names repeat from file to file, so one owned
 * copy of each keeps memory flat as the tree grows (36,000 findings: about 770 → 400 bytes retained each).
 */
const names = new Map<string, string>();

function internName(name: string): string {
  const known = names.get(name);
  if (known !== undefined) return known;
  const owned = ` ${name}`.slice(1);
  if (names.size < 100_000) names.set(owned, owned);
  return owned;
}
const HASH = 0x23;

/** What String.prototype.trim removes at the start of a line (without the line break, already split off). */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Whether `offset` falls in one of `spans` (sorted, non-overlapping: regex matches come in order). */
function inside(spans: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}
