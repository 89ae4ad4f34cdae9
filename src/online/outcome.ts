import type { CheckResult } from '../core/check.js';
import type { Severity } from '../core/finding.js';
import type { Origin } from '../core/variable.js';
import { formatMessage, type PlaceHit, type RuleMeta } from '../rules/rule.js';
import { isAuthFailure, type ApiFailure } from './api-failure.js';
import { clerkApiError, ONLINE_RULES } from '../rules/online.js';

export interface OnlineResult {
  hits: PlaceHit[];
  checks: CheckResult[];
}

export const API_ORIGIN: Origin = { kind: 'clerk-api' };
export const DNS_ORIGIN: Origin = { kind: 'dns' };

export interface FindingParts {
  data: Record<string, string>;
  /** Instead of the rule's own severity. */
  severity?: Severity;
  variable: string;
  value: string;
  origin: Origin;
  fixId?: string;
}

const RANK = { skipped: 0, pass: 1, error: 2, fail: 3 } as const;

/** Each online rule's checklist line and hits, merged over every set of keys checked. */
export class Outcome {
  private readonly lines = new Map<string, { meta: RuleMeta; status: keyof typeof RANK; details: string[] }>();
  private readonly hits: PlaceHit[] = [];
  private readonly failedEndpoints = new Set<string>();

  constructor(private readonly onApiError: 'fail' | 'warn') {}

  pass(meta: RuleMeta, detail: string): void {
    this.line(meta, 'pass', detail);
  }

  skip(meta: RuleMeta, reason: string): void {
    this.line(meta, 'skipped', reason);
  }

  fail(meta: RuleMeta, messageId: string, parts: FindingParts): void {
    this.hits.push({
      meta,
      messageId,
      data: parts.data,
      ...(parts.severity !== undefined && { severity: parts.severity }),
      ...(parts.fixId !== undefined && { fixId: parts.fixId }),
      subject: parts.variable,
      value: parts.value,
      origin: parts.origin
    });
    this.line(meta, 'fail', formatMessage(meta, messageId, parts.data));
  }

  /** A call the rule needed gave no answer: the line says so, and the failure is a clerk-api-error hit once. */
  failed(meta: RuleMeta, failure: ApiFailure): void {
    this.line(meta, 'error', failure.message);
    if (this.failedEndpoints.has(failure.endpoint)) return;
    this.failedEndpoints.add(failure.endpoint);
    const severity: Severity = isAuthFailure(failure) || this.onApiError === 'fail' ? 'error' : 'warning';
    this.hits.push({
      meta: clerkApiError,
      messageId: 'failed',
      data: { message: failure.message },
      severity,
      subject: failure.endpoint,
      value: failure.status ? `HTTP ${failure.status}` : (failure.code ?? failure.kind),
      origin: failure.kind === 'dns' ? DNS_ORIGIN : API_ORIGIN
    });
  }

  result(): OnlineResult {
    const apiFailures = this.hits.filter((h) => h.meta === clerkApiError);
    if (!this.lines.has(clerkApiError.id)) {
      const checked = [...this.lines.values()].some((l) => l.status !== 'skipped');
      if (apiFailures.length > 0) this.line(clerkApiError, 'fail', `${apiFailures.length} failed`);
      else if (checked) this.line(clerkApiError, 'pass', 'every call answered');
      else this.line(clerkApiError, 'skipped', [...this.lines.values()][0]?.details[0] ?? 'nothing to call');
    }
    const checks = ONLINE_RULES.map((meta): CheckResult => {
      const line = this.lines.get(meta.id);
      const status = line?.status ?? 'skipped';
      return { id: meta.id, title: meta.title, status, detail: line?.details.join('; ') ?? 'skipped' };
    });
    return { hits: this.hits, checks };
  }

  private line(meta: RuleMeta, status: keyof typeof RANK, detail: string): void {
    const line = this.lines.get(meta.id);
    if (!line) {
      this.lines.set(meta.id, { meta, status, details: [detail] });
      return;
    }
    if (RANK[status] > RANK[line.status]) line.status = status;
    if (!line.details.includes(detail)) line.details.push(detail);
  }
}

/** Every online check skipped, for one reason. */
export function skippedOnline(reason: string): OnlineResult {
  const outcome = new Outcome('fail');
  for (const rule of ONLINE_RULES) outcome.skip(rule, reason);
  return outcome.result();
}
