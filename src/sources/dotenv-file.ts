/*!
 * The LINE regex and the value post-processing below are copied from dotenv 16.6
 * (https://github.com/motdotla/dotenv), whose license follows.
 *
 * Copyright (c) 2015, Scott Motte
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * * Redistributions of source code must retain the above copyright notice, this
 *   list of conditions and the following disclaimer.
 *
 * * Redistributions in binary form must reproduce the above copyright notice,
 *   this list of conditions and the following disclaimer in the documentation
 *   and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

import { InputError } from '../core/errors.js';
import type { SourceDiagnostic } from '../core/source.js';
import type { Origin, Variable } from '../core/variable.js';
import { parseIgnoreDirective } from './ignore-comment.js';

/**
 * dotenv 16.6's LINE regex, copied verbatim from node_modules/dotenv/lib/main.js because `dotenv.parse`
 * returns only name → value and we need each definition's position (and every duplicate).
 * The corpus test checks that we still agree with `dotenv.parse`; re-copy it when upgrading dotenv.
 * Flags: dotenv uses `mg`; DEFINITION adds `d`, for where the name and the value of each match are.
 */
export const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;
const DEFINITION = new RegExp(LINE.source, 'dgm');

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
  // Suppression comments are rare: a file that never names the directive has no comment worth reading.
  const mayHaveDirectives = src.includes(DIRECTIVE_WORD);

  const variables: Variable[] = [];
  const diagnostics: SourceDiagnostic[] = [];
  const valueSpans: Span[] = [];
  const lines: Text = { src, lineStarts, valueSpans };
  let line = 1; // of the current name; names come in order, so this only moves forward
  let gapStart = 0; // where the previous match ended

  // One compiled regex for every file (parsing runs synchronously, so sharing its lastIndex is safe).
  const re = DEFINITION;
  re.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (
    (match = execLine(re, src, file, () => lineNumberAt(lineStarts, firstDefinitionAfter(src, gapStart)))) !== null
  ) {
    const name = match[1];
    const nameSpan = match.indices?.[1];
    if (name === undefined || nameSpan === undefined) continue; // cannot happen: group 1 is mandatory
    const nameStart = nameSpan[0];
    // The text between two matches holds comments, blank lines and the lines dotenv ignores.
    reportIgnoredLines(gapStart, match.index);
    gapStart = match.index + match[0].length;

    while (line < lineStarts.length && (lineStarts[line] as number) <= nameStart) line++;
    // Editors do not count the BOM as a column.
    const column = nameStart - (lineStarts[line - 1] as number) + 1 - (line === 1 && hasBom ? 1 : 0);
    const origin = { kind: 'file' as const, file, line, column };
    const variable: Variable = { name, value: dotenvValue(match[2]), origin };
    if (mayHaveDirectives) {
      const valueSpan = match.indices?.[2];
      variable.ignoredRules = directivesFor(lines, line, valueSpan ? valueSpan[1] : nameStart + name.length);
      if (valueSpan) valueSpans.push({ start: valueSpan[0], end: valueSpan[1] });
    }
    variables.push(variable);
  }
  reportIgnoredLines(gapStart, src.length + 1);

  markOverridden(variables);
  return { variables, diagnostics };

  /**
   * Lines starting in [from, to) whose first non-blank character is there too and is not a comment's `#`:
   * text dotenv skips without a word. A first character at or after `to` belongs to the next definition.
   */
  function reportIgnoredLines(from: number, to: number): void {
    let start = from;
    if (from > 0 && src.charCodeAt(from - 1) !== NEWLINE) {
      const newline = src.indexOf('\n', from);
      if (newline === -1) return;
      start = newline + 1;
    }
    while (start < to) {
      const end = src.indexOf('\n', start);
      const lineEnd = end === -1 ? src.length : end;
      let first = start;
      while (first < lineEnd && isSpace(src.charCodeAt(first))) first++;
      if (first < lineEnd && first < to && src.charCodeAt(first) !== HASH) {
        diagnostics.push({ file, line: lineNumberAt(lineStarts, start), message: NOT_A_DEFINITION });
      }
      if (end === -1) return;
      start = end + 1;
    }
  }
}

/** A file's text with its line starts, and the spans of the values read so far (a `#` there is no comment). */
interface Text {
  src: string;
  lineStarts: readonly number[];
  valueSpans: readonly Span[];
}

/** An earlier definition of a name is overridden by the file's last one (dotenv keeps the last). */
function markOverridden(variables: readonly Variable[]): void {
  if (variables.length < 2) return;
  const last = new Map<string, Origin>();
  for (let i = variables.length - 1; i >= 0; i--) {
    const v = variables[i] as Variable;
    const winner = last.get(v.name);
    if (winner === undefined) last.set(v.name, v.origin);
    else v.shadowedBy = winner;
  }
}

function lineNumberAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Rule ids suppressed for the definition on `line` by a directive above it or trailing its value. */
function directivesFor(text: Text, line: number, valueEnd: number): string[] | undefined {
  const { src } = text;
  // Trailing comment: the rest of the physical line after the value (after the closing quote when quoted).
  const lineEnd = src.indexOf('\n', valueEnd);
  const hash = src.indexOf('#', valueEnd);
  const trailing =
    hash === -1 || (lineEnd !== -1 && hash > lineEnd)
      ? NONE
      : parseIgnoreDirective(src.slice(hash, lineEnd === -1 ? src.length : lineEnd));
  const above = line >= 2 ? commentAbove(text, line - 1) : NONE;
  return above.length + trailing.length === 0 ? undefined : [...new Set([...above, ...trailing])];
}

/** Ignore ids from physical line `n` when it is a standalone comment (not text inside a quoted value). */
function commentAbove({ src, lineStarts, valueSpans }: Text, n: number): readonly string[] {
  const end = n < lineStarts.length ? (lineStarts[n] as number) - 1 : src.length;
  let first = lineStarts[n - 1] as number;
  while (first < end && isSpace(src.charCodeAt(first))) first++;
  if (first === end || src.charCodeAt(first) !== HASH || inside(valueSpans, first)) return NONE;
  return parseIgnoreDirective(src.slice(first, end));
}

const NONE: readonly string[] = [];

/**
 * One match of LINE. Its quoted-value branches recurse once per character in V8's regex engine, so a quoted value
 * of some megabytes overflows the stack, in dotenv itself too (it throws "Maximum call stack size exceeded" and the
 * app cannot start). The gate makes that an input error naming the line, not a crash.
 */
function execLine(re: RegExp, src: string, file: string, line: () => number): RegExpExecArray | null {
  try {
    return re.exec(src);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InputError(
      `${file}:${line()}: a value too long for dotenv's parser (it overflows the stack there too, so the app ` +
        'would not start); shorten it or load it from a file'
    );
  }
}

/** Offset of the first line from `from` (the end of the previous match) holding more than blanks and comments. */
function firstDefinitionAfter(src: string, from: number): number {
  const match = /^[^\S\n]*[^#\s]/m.exec(src.slice(from));
  return match ? from + match.index : from;
}

const HASH = 0x23;
const NEWLINE = 0x0a;
const DIRECTIVE_WORD = 'clerk-production-gate-ignore';

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
