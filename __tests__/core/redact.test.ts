import { describe, expect, it } from '@jest/globals';
import { redact, redactKeysIn } from '../../src/core/redact.js';

describe('redact', () => {
  it('keeps a known prefix and the last 4 characters of a long value', () => {
    expect(redact('sk_live_' + 'a'.repeat(30) + 'WXYZ')).toBe('sk_live_…WXYZ');
  });
  it('fully masks a short value', () => {
    expect(redact('hunter2')).toBe('…');
    expect(redact('sk_test_short')).toBe('sk_test_…');
  });
  it("keeps a Stripe restricted key's prefix, and redacts one in free text", () => {
    const rk = 'rk_live_' + 'a'.repeat(30) + 'WXYZ';
    expect(redact(rk)).toBe('rk_live_…WXYZ');
    expect(redactKeysIn(`key: "${'rk_test_' + 'b'.repeat(12)}"`)).toBe('key: "rk_test_…"');
  });
  it('marks an empty value', () => {
    expect(redact('')).toBe('(empty)');
  });
});
