/**
 * Inline suppression in dotenv files:
 *   # clerk-production-gate-ignore dev-publishable-key, dev-url -- reason
 * on the line above a definition, or trailing it (`KEY=value # clerk-production-gate-ignore dev-url`).
 */
const DIRECTIVE = /^#\s*clerk-production-gate-ignore(?=\s|,|$)(.*)$/;

/** Rule ids named by `comment` (which starts at its `#`); empty when it is not a directive or names none. */
export function parseIgnoreDirective(comment: string): string[] {
  const m = DIRECTIVE.exec(comment.trim());
  if (!m) return [];
  const ids = (m[1] ?? '').split(/(?:^|\s)--(?:\s|$)/)[0] ?? '';
  return [...new Set(ids.split(/[\s,]+/).filter((id) => id !== ''))];
}
