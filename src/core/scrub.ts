import { redact } from './redact.js';

/**
 * The one scrubber: takes every secret of the run (Clerk secret and publishable keys, the Platform API key, the
 * GitHub, Vercel and Netlify tokens, the Vercel bypass secret) out of text a server, an SDK or the network stack
 * produced, before any of it reaches a message. Each secret is found as it is, percent-encoded, and in base64
 * (standard and URL-safe, at any alignment inside a longer base64 text, such as a Basic credential); each occurrence
 * becomes the secret's redacted form (prefix + `…` + last 4). `Bearer`/`Basic` credentials become CREDENTIAL_HIDDEN
 * whatever they hold. Display redaction of values the gate reports is core/redact.ts.
 */
const CREDENTIAL_HIDDEN = '[token hidden]';

/** Secrets shorter than this are not searched for: too likely to match ordinary text. */
const MIN_SECRET_LENGTH = 8;

/** The base64 text that encodes `secret` wherever it starts inside longer data: one core per byte alignment. */
function base64Cores(secret: Buffer): string[] {
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const text = Buffer.concat([Buffer.alloc(shift), secret]).toString('base64');
    // Only whole 3-byte groups made of the secret's bytes alone: the first group holds `shift` foreign bytes.
    const firstGroup = shift === 0 ? 0 : 1;
    const lastGroup = Math.floor((shift + secret.length) / 3);
    const core = text.slice(firstGroup * 4, lastGroup * 4);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}

/** Every form of one secret to look for, longest first. */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  for (const core of base64Cores(Buffer.from(secret, 'utf8'))) {
    forms.add(core);
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A `Bearer`/`Basic` credential (RFC 7235 token68), unless it is already a redacted form (`sk_live_…1234`). */
const CREDENTIAL = /\b(bearer|basic)(\s+)[A-Za-z0-9._~+/-]{8,}=*(?![…A-Za-z0-9._~+/=-])/gi;

/** `text` with every form of every secret replaced by its redacted form, and every Bearer/Basic credential hidden. */
export function scrub(text: string, secrets: Iterable<string>): string {
  return new Scrubber(secrets).scrub(text);
}

/** A secret's redacted form, and every form of it to look for. */
interface SecretForms {
  length: number;
  shown: string;
  forms: string[];
}

function secretForms(secret: string): SecretForms {
  return { length: secret.length, shown: redact(secret), forms: formsOf(secret) };
}

/** Longer secrets first: one that holds another (a URL and its password) is replaced whole. */
function scrubForms(text: string, secrets: Iterable<SecretForms>): string {
  let out = text;
  const longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  for (const { shown, forms } of longestFirst) for (const form of forms) out = out.split(form).join(shown);
  return out.replace(CREDENTIAL, `$1$2${CREDENTIAL_HIDDEN}`);
}

/**
 * The run's scrubber: every secret of the run in one place. The shell creates it with the secrets it was given
 * (the GitHub, Vercel and Netlify tokens, the bypass secret) and hands it down; the gate adds each secret it finds
 * (Clerk keys, the Platform API key, any other secret variable) as it finds it. Every path that turns text from
 * outside (a server's answer, an SDK's or the network stack's error) into a message goes through `scrub` or
 * `scrubDeep`, so an answer from one service that echoes another service's secret shows it redacted.
 */
export class Scrubber {
  /** Each secret with its forms, worked out once. */
  private readonly known = new Map<string, SecretForms>();

  constructor(secrets: Iterable<string | undefined> = []) {
    this.add(secrets);
  }

  /** The run's scrubber when there is one (a new one otherwise), knowing `secrets` too. */
  static of(scrubber: Scrubber | undefined, secrets: Iterable<string | undefined>): Scrubber {
    const chosen = scrubber ?? new Scrubber();
    chosen.add(secrets);
    return chosen;
  }

  /** More secrets of the run; empty and short values are ignored (see MIN_SECRET_LENGTH). */
  add(secrets: Iterable<string | undefined>): void {
    for (const secret of secrets) {
      if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH && !this.known.has(secret)) {
        this.known.set(secret, secretForms(secret));
      }
    }
  }

  /** `text` without any form of any secret known so far. */
  scrub(text: string): string {
    return scrubForms(text, this.known.values());
  }

  /** A deep copy of an SDK's error without credentials or any form of a secret (see `scrubDeep`). */
  scrubDeep(value: unknown): unknown {
    return deepCopy(value, (text) => this.scrub(text));
  }
}

const AUTH_KEYS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-vercel-protection-bypass)$/i;

/**
 * A deep, plain copy of anything an SDK threw (an Error with `cause`, `data.headers`, a `Headers`, a `Response`),
 * with every authorization-like header dropped and every string scrubbed. Cycles and depth are bounded; functions
 * are left out. Use it before reading any field of an SDK error into a message.
 */
export function scrubDeep(value: unknown, secrets: Iterable<string>): unknown {
  return new Scrubber(secrets).scrubDeep(value);
}

/** The walk behind `scrubDeep`: each secret's forms are worked out once, not again for every string. */
function deepCopy(value: unknown, scrubText: (text: string) => string): unknown {
  const seen = new WeakSet<object>();
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return scrubText(item);
    if (item === null || typeof item !== 'object') return typeof item === 'function' ? undefined : item;
    if (seen.has(item) || depth > 8) return '[…]';
    seen.add(item);
    if (item instanceof URL) return scrubText(item.href);
    if (typeof Headers !== 'undefined' && item instanceof Headers) {
      return walk(Object.fromEntries(item.entries()), depth + 1);
    }
    if (Array.isArray(item)) return item.slice(0, 100).map((entry) => walk(entry, depth + 1));
    return walkObject(item, (entry) => walk(entry, depth + 1));
  };
  return walk(value, 0);
}

function walkObject(item: object, walk: (entry: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // An Error's message, name, stack and cause are not enumerable: take them explicitly.
  const keys = new Set(Object.keys(item));
  // (An error from another realm, such as fetch's under a test runner's VM, is not `instanceof Error`.)
  if (item instanceof Error || Object.prototype.toString.call(item) === '[object Error]') {
    for (const key of ['name', 'message', 'stack', 'cause']) keys.add(key);
  }
  for (const key of keys) {
    if (AUTH_KEYS.test(key)) {
      out[key] = CREDENTIAL_HIDDEN;
      continue;
    }
    let entry: unknown;
    try {
      entry = (item as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    const copied = walk(entry);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}
