import { parse as parseLenient, type ParseError } from 'jsonc-parser';

/**
 * Where JSON.parse failed, as line and column of the token where the text stops being JSON. V8's messages quote the
 * input (which may hold secrets) and some ("Unexpected token …") carry no position, so jsonc-parser, strict about
 * comments and trailing commas, finds it.
 */
export function errorPosition(text: string): { line: number; column: number } {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return lineColumn(text, errors[0]?.offset ?? 0);
}

/** 1-based line and column of `offset`; `\r\n`, `\r` and `\n` each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - lastBreak };
}
