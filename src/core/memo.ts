/**
 * A string-keyed memo for pure functions of names or values that repeat from file to file (variable names,
 * `/sign-in`, a project's domain): a map lookup instead of regular expressions or URL parsing each time.
 * Bounded, so a huge or hostile tree cannot grow it forever.
 */
export function memo<T>(compute: (key: string) => T, limit = 10_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const result = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, result);
    return result;
  };
}

/**
 * A value built on first use and kept: for zod schemas that only some runs need, so a run that does not use
 * them does not pay for building them at start-up.
 */
export function once<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
