/** Splits a list given as one string (action inputs, CLI flags): commas or newlines, blanks dropped. */
export function splitList(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
