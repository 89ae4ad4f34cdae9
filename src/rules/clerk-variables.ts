/**
 * Which variables belong to Clerk, and what each holds, judged by name.
 * A value counts as a Clerk key only through these names or a format that is unmistakably Clerk's
 * (a publishable key that decodes to `<host>$`), so `STRIPE_SECRET_KEY=sk_test_…` is never flagged.
 */
import { memo } from '../core/memo.js';

/** Prefixes that make a variable visible to browser code in the frameworks Clerk supports. */
const PUBLIC_PREFIXES = [
  'NEXT_PUBLIC_',
  'VITE_',
  'PUBLIC_',
  'EXPO_PUBLIC_',
  'NUXT_PUBLIC_',
  'REACT_APP_',
  'VUE_APP_',
  'GATSBY_',
  'PLASMO_PUBLIC_'
] as const;

/**
 * Everything judged from a name alone, worked out once per distinct name: a tree of a thousand files
 * repeats the same few dozen names, and every rule asks about each variable's name.
 */
interface NameClass {
  public: boolean;
  clerk: boolean;
  publishableKey: boolean;
  secretKey: boolean;
  legacyApiKey: boolean;
  url: boolean;
  /** Passes mayConcernClerk by its name. */
  concernsClerk: boolean;
}

const classOf = memo((name: string): NameClass => {
  const clerk = /(^|_)CLERK(_|$)/i.test(name);
  return {
    public: PUBLIC_PREFIXES.some((prefix) => name.startsWith(prefix)),
    clerk,
    publishableKey: /(^|_)CLERK_PUBLISHABLE_KEY$/.test(name),
    secretKey: /(^|_)CLERK_(SECRET|API)_KEY$/.test(name),
    legacyApiKey: /(^|_)CLERK_API_KEY$/.test(name),
    url: clerk && /(URL|DOMAIN|FRONTEND_API|ISSUER|HOST)$/.test(name),
    concernsClerk: /CLERK|UNSAFE_DISABLE_DEVELOPMENT_MODE/i.test(name)
  };
});

export function isPublicVariable(name: string): boolean {
  return classOf(name).public;
}

/** `NEXT_PUBLIC_CLERK_SIGN_IN_URL`, `CLERK_SECRET_KEY`, `NUXT_CLERK_SECRET_KEY`, … */
export function isClerkVariable(name: string): boolean {
  return classOf(name).clerk;
}

export function isPublishableKeyVariable(name: string): boolean {
  return classOf(name).publishableKey;
}

/** `CLERK_SECRET_KEY` and the 2021-era `CLERK_API_KEY`. */
export function isSecretKeyVariable(name: string): boolean {
  return classOf(name).secretKey;
}

export function isLegacyApiKeyVariable(name: string): boolean {
  return classOf(name).legacyApiKey;
}

/** Variables that carry a URL or host Clerk calls or redirects to. */
export function isClerkUrlVariable(name: string): boolean {
  return classOf(name).url;
}

/**
 * Whether any rule could concern this variable: a Clerk name, the development-console switch, a value shaped
 * like a Clerk key, or one shaped like a secret that no public variable may hold (`rk_…`, `whsec_…`). The engine hands rules only these (most variables of a project are not Clerk's),
 * and a test checks that every rule finds the same with and without this filter.
 */
export function mayConcernClerk(name: string, value: string): boolean {
  return (
    classOf(name).concernsClerk ||
    value.startsWith('pk_') ||
    value.startsWith('sk_') ||
    value.startsWith('rk_') ||
    value.startsWith('whsec_')
  );
}
