/** GFM building blocks for text that may come from the scanned input: nothing in it can become markup. */
import { isVendorPage } from '../core/vendor-links.js';

/** One line, no control characters: a newline or CR would end a table row. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/**
 * Escapes text for GFM: every ASCII punctuation character is backslash-escaped (CommonMark allows
 * it for all of them), so no `<tag>`, `[link](…)`, `|` cell break, emphasis, autolink or entity survives.
 * GitHub finds @mentions after the escapes are gone, so `@` gets a zero-width space after it instead: no one is
 * notified by text the gate echoes.
 */
export function escapeMarkdown(s: string): string {
  return oneLine(s)
    .replace(/[!-/:-?[-`{-~]/g, '\\$&')
    .replace(/@/g, '@\u200b');
}

/**
 * A code span: a backtick fence longer than any backtick run in the text, padded when the text starts
 * or ends with a backtick or space. Backslash escapes do not work in code spans, but inside a table
 * GFM takes any `|` preceded by `\` into the cell and drops that one `\` before inline parsing, so
 * there `|` is written `\|`.
 */
export function codeSpan(s: string, inTable = true): string {
  const text = inTable ? oneLine(s).replace(/\|/g, '\\|') : oneLine(s);
  if (text === '') return '';
  const longestRun = (text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Texts the gate writes itself (rule explanations, never data from an API or a report): kept as written. */
export function trustedMarkdown(s: string): string {
  return oneLine(s).replace(/\|/g, '\\|');
}

/** A URL in a text, up to a space or a character that cannot end one unescaped. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/g;

/**
 * A fix text, which may carry data from an API answer or a report: everything is escaped but its code spans (kept
 * as code spans, which cannot hold markup) and the https URLs on a vendor's known host (made links). Any other URL
 * stays escaped text.
 */
export function fixMarkdown(s: string): string {
  const text = oneLine(s);
  const out: string[] = [];
  let at = 0;
  for (const run of text.matchAll(/`+/g)) {
    const start = run.index;
    if (start < at) continue;
    // A code span closes at the next run of as many backticks; an unclosed run is text.
    const close = new RegExp(`(?<!\`)${run[0]}(?!\`)`, 'g');
    close.lastIndex = start + run[0].length;
    const end = close.exec(text);
    if (end === null) continue;
    out.push(plainWithLinks(text.slice(at, start)), codeSpan(text.slice(start + run[0].length, end.index), false));
    at = end.index + run[0].length;
  }
  out.push(plainWithLinks(text.slice(at)));
  return out.join('');
}

function plainWithLinks(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    out += escapeMarkdown(text.slice(at, match.index));
    out += isVendorPage(url) ? link(escapeMarkdown(url), url) : escapeMarkdown(url);
    at = match.index + url.length;
  }
  return out + escapeMarkdown(text.slice(at));
}

/** A link whose URL cannot break out of the link syntax; only http(s) URLs, else the text alone. */
export function link(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//.test(url)) return text;
  const safe = url.replace(/[\s()<>|\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${text}](${safe})`;
}

/** At most `max` characters, the middle cut out (`http://localhost:3000/…/sign-in`). */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = Math.ceil((max - 1) / 2);
  return `${s.slice(0, head)}…${s.slice(s.length - (max - 1 - head))}`;
}

/** At most `max` characters, the start cut off (`…/apps/web/.env.production:3`): a path's end says most. */
export function shortenStart(s: string, max: number): string {
  return s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
}
