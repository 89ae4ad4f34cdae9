/** An empty or whitespace-only value: a committed placeholder (`CLERK_SECRET_KEY=`), as good as not set. */
export function isBlank(value: string): boolean {
  return value.trim() === '';
}
