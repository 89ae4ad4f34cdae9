import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { Finding } from '../core/finding.js';
import type { Report } from '../core/report.js';
import type { RuleMeta } from '../rules/rule.js';
import { shortOrigin } from '../core/variable.js';
import { hiddenReason } from './format.js';
import { renderMarkdown, type ReportChanges } from './markdown.js';

/** GitHub refuses a comment body longer than this many characters. */
export const COMMENT_MAX_CHARS = 65_536;
/** Resolved findings the marker can name (the rest are fingerprints only). */
const NAMED_IN_MARKER = 50;
/** Fingerprints the marker holds, most severe first: 8 characters each, about 11 KB of the comment at most. */
const FINGERPRINTS_IN_MARKER = 1000;
const FINGERPRINT_LENGTH = 8;

/** The marker's packed memory, as `buildComment` writes it; the comment body comes back from GitHub, so it is checked. */
const MemorySchema = z.object({
  h: z.string(),
  f: z.string(),
  n: z.record(z.string(), z.string()),
  c: z.optional(z.boolean())
});

/**
 * What a comment remembers of its report, in a hidden marker: a hash of its content (an unchanged report is not
 * written again) and a fingerprint of each active finding (rule, variable, location; never a value), the first
 * ones also described, so the next run can say what is new and what was resolved.
 */
export interface CommentMemory {
  hash: string;
  fingerprints: string[];
  named: Record<string, string>;
  /** Every active finding has its fingerprint here (there were not too many). */
  complete: boolean;
}

export interface Comment {
  body: string;
  memory: CommentMemory;
  /** The report is the one the previous comment showed: nothing to write. */
  unchanged: boolean;
}

/** `<!-- clerk-production-gate:production ` — what starts this environment's marker (no other environment's). */
export function markerPrefix(environment: string): string {
  // An HTML comment cannot hold `--`, nor end early on `>`: the name is URI-encoded, and `--` broken up.
  const name = encodeURIComponent(environment.toLowerCase()).replace(/-(?=-)/g, '%2D');
  return `<!-- clerk-production-gate:${name} `;
}

/** The memory in a comment body written for `environment`, or undefined when it has none (or not ours). */
export function readMemory(body: string, environment: string): CommentMemory | undefined {
  const prefix = markerPrefix(environment);
  const start = body.indexOf(prefix);
  if (start === -1) return undefined;
  const end = body.indexOf(' -->', start);
  if (end === -1) return undefined;
  const unreadable: CommentMemory = { hash: '', fingerprints: [], named: {}, complete: false };
  try {
    const packed: unknown = JSON.parse(
      Buffer.from(body.slice(start + prefix.length, end), 'base64url').toString('utf8')
    );
    const parsed = MemorySchema.safeParse(packed);
    if (!parsed.success) return unreadable;
    const data = parsed.data;
    return {
      hash: data.h,
      fingerprints: data.f.match(new RegExp(`[0-9a-f]{${FINGERPRINT_LENGTH}}`, 'g')) ?? [],
      named: data.n,
      complete: data.c === true
    };
  } catch {
    // Our marker, its memory unreadable (edited by hand): the comment is still ours to update.
    return unreadable;
  }
}

/**
 * The comment for a pull request: the job summary's layout within GitHub's comment limit, the hidden marker, and
 * the changes since `previous` (the memory of the comment it replaces).
 */
export function buildComment(
  report: Report,
  rules: ReadonlyMap<string, RuleMeta>,
  options: { environment: string; runUrl?: string; previous?: CommentMemory }
): Comment {
  const active = report.findings.filter((f) => hiddenReason(f) === undefined);
  const all = active.map(fingerprint);
  const fingerprints = all.slice(0, FINGERPRINTS_IN_MARKER);
  const named = Object.fromEntries(active.slice(0, NAMED_IN_MARKER).map((f) => [fingerprint(f), describe(f)]));
  const complete = fingerprints.length === all.length;
  // The content alone decides whether anything changed: not the run link, not the changes list.
  const content = renderMarkdown(report, rules, { maxChars: COMMENT_MAX_CHARS, fullReport: 'the job summary' });
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const memory: CommentMemory = { hash, fingerprints, named, complete };
  const packed = JSON.stringify({ h: hash, f: fingerprints.join(''), n: named, c: complete });
  const marker = `${markerPrefix(options.environment)}${Buffer.from(packed).toString('base64url')} -->`;
  // With too many findings to remember each, what is new cannot be told from what was not remembered.
  const changes = options.previous?.complete && complete ? changesSince(options.previous, active, all) : undefined;
  const body = renderMarkdown(report, rules, {
    maxChars: COMMENT_MAX_CHARS - marker.length - 1,
    fullReport: 'the job summary',
    marker,
    ...(options.runUrl && { runUrl: options.runUrl }),
    ...(changes && { changes })
  });
  return { body, memory, unchanged: options.previous?.hash === hash };
}

/** A finding's identity across runs: rule, variable and where; never its value. */
function fingerprint(f: Finding): string {
  const where = shortOrigin(f.origin);
  return createHash('sha256')
    .update(`${f.rule}\u0000${f.variable}\u0000${where}`)
    .digest('hex')
    .slice(0, FINGERPRINT_LENGTH);
}

function describe(f: Finding): string {
  const where = shortOrigin(f.origin);
  return `${f.rule} ${f.variable} at ${where}`;
}

function changesSince(previous: CommentMemory, active: readonly Finding[], now: readonly string[]): ReportChanges {
  const before = new Set(previous.fingerprints);
  const current = new Set(now);
  const added = active.filter((_, i) => !before.has(now[i] as string));
  const gone = previous.fingerprints.filter((f) => !current.has(f));
  const resolved = gone.flatMap((f) => (previous.named[f] ? [previous.named[f]] : []));
  return { added, resolved, resolvedUnnamed: gone.length - resolved.length };
}
