/** Seed of the differential (oracle) tests; set CLERK_ORACLE_SEED to replay a failure. */
export const ORACLE_SEED = Number(process.env.CLERK_ORACLE_SEED ?? 0x5eed_c1e7);

/** A seeded generator (mulberry32: small, deterministic) and the helpers the oracle tests draw with. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(rand() * n);
  return {
    rand,
    int,
    chance: (p: number): boolean => rand() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    /** A string of min..max characters drawn from `alphabet`. */
    str: (alphabet: string, min: number, max: number): string => {
      let out = '';
      const n = min + int(max - min + 1);
      for (let i = 0; i < n; i++) out += alphabet.charAt(int(alphabet.length));
      return out;
    }
  };
}
