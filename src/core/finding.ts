import type { Origin, Reference } from './variable.js';

export type Severity = 'error' | 'warning' | 'notice';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

/** Severities, most severe first: the order of every report. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/** How a finding was suppressed; suppressed findings are reported, never dropped. */
export type Suppression = { by: 'ignore-option' } | { by: 'inline-comment'; file: string; line: number };

export interface Finding {
  rule: string;
  severity: Severity;
  variable: string;
  /** Redacted (see core/redact.ts); never the raw value. */
  value: string;
  origin: Origin;
  message: string;
  fix: string;
  suppressed?: Suppression;
  /** The variable is overridden by a higher-precedence source; the finding is informational. */
  shadowedBy?: Origin;
  /** What a `${NAME}` expansion put into the value. */
  expandedFrom?: Reference[];
  /** For a finding in built code: where the source map says it came from. */
  original?: { file: string; line: number; column: number };
  /** For a finding in built or fetched code: the text around it, secrets redacted. */
  excerpt?: string;
}
