/**
 * The Actions runner reads every line a step prints: a line that starts with `::` (after leading blanks) is a
 * workflow command, and so is `##[command]` anywhere in a line. Text the gate echoes from its input (paths,
 * variable names) must never become one: `::error title=Deploy approved::…`, `::add-mask::`, `::stop-commands::`.
 */

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
  const token = `clerk-production-gate-${globalThis.crypto.randomUUID()}`;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}
