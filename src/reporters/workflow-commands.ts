/**
 * The Actions runner reads every line a step prints: a line that starts with `::` (after leading blanks) is a
 * workflow command, and so is `##[command]` anywhere in a line. Text the gate echoes from its input (paths,
 * variable names) must never become one: `::error title=Deploy approved::…`, `::add-mask::`, `::stop-commands::`.
 */
import { randomUUID } from '../core/random-uuid.js';

/** A path shown first on a line: `./` in front when it would start with `::`. */
export function pathAtLineStart(file: string): string {
  return /^\s*::/.test(file) ? `./${file}` : file;
}

/**
 * Every line of `text` made inert: a leading `::` is written `\x3a:` and `##[` is written `##\x5b`, in the
 * `\xNN` form the text report already uses for control characters.
 */
export function neutraliseCommands(text: string): string {
  return text.replace(/^(\s*)::/gm, '$1\\x3a:').replace(/##\[/g, '##\\x5b');
}

/**
 * `text` between `::stop-commands::<token>` and `::<token>::`: the runner treats no line in between as a
 * command. The token is random, so the text cannot end the block itself.
 */
export function withoutCommands(text: string): string {
  const token = `clerk-production-gate-${randomUUID()}`;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/**
 * JSON text (a report in pieces) made inert without changing its value: `::` and `##[` occur only inside its
 * strings, where `:\u003a` and `##\u005b` parse to the same characters. A pattern split between two pieces is
 * caught by holding the last two characters back until the next piece.
 */
export function* neutraliseJson(pieces: Iterable<string>): Generator<string> {
  let held = '';
  for (const piece of pieces) {
    const text = escapeJsonCommands(held + piece);
    held = text.slice(-2);
    const ready = text.slice(0, -2);
    if (ready) yield ready;
  }
  if (held) yield held;
}

function escapeJsonCommands(text: string): string {
  return text.replaceAll('::', ':\\u003a').replaceAll('##[', '##\\u005b');
}
