import type { Origin, Variable } from '../core/variable.js';
import { parseIgnoreDirective } from './ignore-comment.js';

/** A line of a dotenv file that dotenv silently skips. Never carries the line's text: it may hold a secret. */
export interface SourceDiagnostic {
  file: string;
  line: number;
  message: string;
}

/**
 * dotenv 16.6's LINE regex, copied verbatim from node_modules/dotenv/lib/main.js because `dotenv.parse`
 * returns only name → value and we need each definition's position (and every duplicate).
 * The corpus test checks that we still agree with `dotenv.parse`; re-copy it when upgrading dotenv.
 * Flags: dotenv uses `mg`; `d` adds match.indices so we can locate the name and the value exactly.
 */
const LINE_SOURCE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/
    .source;

const NOT_A_DEFINITION = 'line is not a NAME=value definition; dotenv ignores it';

/** dotenv's value post-processing, copied from its `parse` (trim, strip quotes, `\n`/`\r` in double quotes). */
function dotenvValue(raw: string | undefined): string {
  let value = (raw ?? '').trim();
  const maybeQuote = value[0];
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
  const src = text.replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lines = src.split('\n');
  const hasBom = src.startsWith('\uFEFF');

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
  const defs: { name: string; value: string; origin: Origin & { kind: 'file' }; ignoredRules: string[] }[] = [];

  const re = new RegExp(LINE_SOURCE, 'dgm');
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
    const rest = src.slice(valueEnd, lineEnd === -1 ? src.length : lineEnd);
    const hash = rest.indexOf('#');
    const trailing = hash === -1 ? [] : parseIgnoreDirective(rest.slice(hash));
    const above = line >= 2 ? commentAbove(line - 1) : [];

    defs.push({ name, value: dotenvValue(match[2]), origin, ignoredRules: [...new Set([...above, ...trailing])] });
  }

  /** Ignore ids from physical line `n` when it is a standalone comment (not text inside a quoted value). */
  function commentAbove(n: number): string[] {
    const text = lines[n - 1] ?? '';
    const first = (lineStarts[n - 1] ?? 0) + (text.length - text.trimStart().length);
    if (inside(valueSpans, first)) return [];
    return parseIgnoreDirective(text.trim());
  }

  const last = new Map<string, Origin>();
  for (const d of defs) last.set(d.name, d.origin);
  const variables: Variable[] = defs.map((d) => {
    const v: Variable = { name: d.name, value: d.value, origin: d.origin };
    if (d.ignoredRules.length > 0) v.ignoredRules = d.ignoredRules;
    const winner = last.get(d.name);
    if (winner && winner !== d.origin) v.shadowedBy = winner;
    return v;
  });

  const diagnostics: SourceDiagnostic[] = [];
  lines.forEach((text, i) => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const first = (lineStarts[i] ?? 0) + (text.length - text.trimStart().length);
    if (!inside(matches, first)) diagnostics.push({ file, line: i + 1, message: NOT_A_DEFINITION });
  });

  return { variables, diagnostics };
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
