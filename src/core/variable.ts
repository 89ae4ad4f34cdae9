/** Where a variable was defined. Every variable keeps its origin so a finding can point at it. */
export type Origin =
  | { kind: 'file'; file: string; line: number; column: number }
  | { kind: 'vars' }
  | { kind: 'secrets' }
  | { kind: 'env' }
  /** What Clerk's APIs (Backend, Frontend, Platform) answered. */
  | { kind: 'clerk-api' }
  /** What DNS answered. */
  | { kind: 'dns' }
  /** A page or chunk of the deployed site, fetched; line and column in what it served. */
  | { kind: 'url'; url: string; line: number; column: number }
  /** A host's project variables (Vercel project, Netlify site) for one deploy target. */
  | { kind: 'host'; host: 'vercel' | 'netlify'; project: string; target: string };

/** One name=value pair from one source. `value` is the exact string, never coerced. */
export interface Variable {
  name: string;
  value: string;
  origin: Origin;
  /** Rule ids suppressed for this definition by an inline dotenv comment. */
  ignoredRules?: string[];
  /** Set when a higher-precedence definition of the same name overrides this one. */
  shadowedBy?: Origin;
  /**
   * The source holds it write-only (Vercel `sensitive`, Netlify secret): present, value not readable. `value` is
   * then empty; the variable counts as set (for missing-key) but nothing else can judge it.
   */
  unreadable?: boolean;
  /** The variables a `${NAME}` / `$NAME` expansion substituted into this value, with where each is defined. */
  references?: Reference[];
}

export interface Reference {
  name: string;
  origin: Origin;
}

/** Where, without the column: `path/.env:3`, `https://example.com/app.js:1`, or the source's name. */
export function shortOrigin(origin: Origin): string {
  if (origin.kind === 'file') return `${origin.file}:${origin.line}`;
  if (origin.kind === 'url') return `${origin.url}:${origin.line}`;
  if (origin.kind === 'host') return describeHost(origin);
  return origin.kind;
}

/** `vercel project my-app (production)`, `netlify site 1234… (deploy-preview)`. */
export function describeHost(origin: Extract<Origin, { kind: 'host' }>): string {
  return `${origin.host} ${origin.host === 'vercel' ? 'project' : 'site'} ${origin.project} (${origin.target})`;
}

/** Human form of an origin: `path/.env:3:1`, `https://example.com/app.js:1:20`, `vars`, `secrets`, `env`, `clerk-api`, `dns`. */
export function describeOrigin(origin: Origin): string {
  if (origin.kind === 'file') return `${origin.file}:${origin.line}:${origin.column}`;
  if (origin.kind === 'url') return `${origin.url}:${origin.line}:${origin.column}`;
  if (origin.kind === 'host') return describeHost(origin);
  return origin.kind;
}
