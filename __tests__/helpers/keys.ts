/** Test-time key builders: nothing secret is committed, every key is made from a host or a filler. */
export function publishableKey(host: string, type: 'test' | 'live' = 'test'): string {
  return `pk_${type}_${Buffer.from(`${host}$`).toString('base64')}`;
}

export function secretKey(type: 'test' | 'live' = 'test', filler = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0'): string {
  return `sk_${type}_${filler}`;
}

export const DEV_HOST = 'happy-hippo-12.clerk.accounts.dev';
export const PROD_HOST = 'clerk.example.com';
