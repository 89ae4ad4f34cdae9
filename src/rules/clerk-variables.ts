/**
 * Which variables belong to Clerk, and what each holds, judged by name.
 * A value counts as a Clerk key only through these names or a format that is unmistakably Clerk's
 * (a publishable key that decodes to `<host>$`), so `STRIPE_SECRET_KEY=sk_test_…` is never flagged.
 */

/** Prefixes that make a variable visible to browser code in the frameworks Clerk supports. */
export const PUBLIC_PREFIXES = [
  'NEXT_PUBLIC_',
  'VITE_',
  'PUBLIC_',
  'EXPO_PUBLIC_',
  'NUXT_PUBLIC_',
  'REACT_APP_',
  'GATSBY_',
  'PLASMO_PUBLIC_'
] as const;

export function isPublicVariable(name: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** `NEXT_PUBLIC_CLERK_SIGN_IN_URL`, `CLERK_SECRET_KEY`, `NUXT_CLERK_SECRET_KEY`, … */
export function isClerkVariable(name: string): boolean {
  return /(^|_)CLERK(_|$)/i.test(name);
}

export function isPublishableKeyVariable(name: string): boolean {
  return /(^|_)CLERK_PUBLISHABLE_KEY$/.test(name);
}

/** `CLERK_SECRET_KEY` and the 2021-era `CLERK_API_KEY`. */
export function isSecretKeyVariable(name: string): boolean {
  return /(^|_)CLERK_(SECRET|API)_KEY$/.test(name);
}

export function isLegacyApiKeyVariable(name: string): boolean {
  return /(^|_)CLERK_API_KEY$/.test(name);
}

/** Variables that carry a URL or host Clerk calls or redirects to. */
export function isClerkUrlVariable(name: string): boolean {
  return isClerkVariable(name) && /(URL|DOMAIN|FRONTEND_API|ISSUER|HOST)$/.test(name);
}

/**
 * Whether any rule could concern this variable: a Clerk name, the development-console switch, or a value
 * shaped like a Clerk key. The engine hands rules only these (most variables of a project are not Clerk's),
 * and a test checks that every rule finds the same with and without this filter.
 */
export function mayConcernClerk(name: string, value: string): boolean {
  return /CLERK|UNSAFE_DISABLE_DEVELOPMENT_MODE/i.test(name) || value.startsWith('pk_') || value.startsWith('sk_');
}
