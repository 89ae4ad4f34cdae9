/** GFM building blocks for text that may come from the scanned input: nothing in it can become markup. */

/** One line, no control characters: a newline or CR would end a table row. */
export function oneLine(s: string): string {
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

/** Texts the gate writes itself (rule explanations and fixes, never scanned input): their code spans are kept. */
export function trustedMarkdown(s: string): string {
  return oneLine(s).replace(/\|/g, '\\|');
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
