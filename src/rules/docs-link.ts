import { RULES_DOCS_BASE } from './rule.js';

/** Link to a rule's section in docs/rules.md. */
export function ruleDocs(id: string): string {
  return `${RULES_DOCS_BASE}#${id}`;
}
