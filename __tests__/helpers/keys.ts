/** Test-time key builders: nothing secret is committed, every key is made from a host or a filler. */
export function publishableKey(host: string, type: 'test' | 'live' = 'test'): string {
  return `pk_${type}_${Buffer.from(`${host}$`).toString('base64')}`;
}

export function secretKey(type: 'test' | 'live' = 'test', filler = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0'): string {
  return `sk_${type}_${filler}`;
}

export const DEV_HOST = 'happy-hippo-12.clerk.accounts.dev';
export const PROD_HOST = 'clerk.example.com';

/**
 * An obviously fake secret, built at run time: `<prefix>Fake<label>` padded with zeros and ending in
 * `seq`, so every canary is distinct and none can be mistaken for a real key.
 */
export function fakeSecret(prefix: string, label: string, seq: number): string {
  const body = `Fake${label}`;
  return `${prefix}${body}${String(seq).padStart(40 - body.length, '0')}`;
}

/** Shaped like a Stripe key (`pk_test_51…`), which shares Clerk's prefixes; the tail is an obvious filler. */
export function stripeShapedKey(prefix: 'pk_test_' | 'pk_live_' | 'sk_test_' | 'sk_live_'): string {
  return `${prefix}51${'FakeStripeKey0'.repeat(6)}`;
}
