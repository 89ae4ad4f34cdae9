import { formatMessage, type Rule, type RuleHit } from '../../src/rules/rule.js';

/** The text a hit shows, worded from its rule's messages table; undefined for no hit. */
export function messageOf(rule: Rule, hit: RuleHit | undefined): string | undefined {
  return hit && formatMessage(rule.meta, hit.messageId, hit.data);
}
