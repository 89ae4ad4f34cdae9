import type { CheckResult } from './check.js';
import type { Finding } from './finding.js';
import type { SkippedFile, SourceDiagnostic, SourceInfo } from './source.js';

type FailOn = 'error' | 'warning' | 'never';

/** The gate's result; every reporter renders this. Values in it are already redacted. */
export interface Report {
  environment: string;
  isProduction: boolean;
  passed: boolean;
  failOn: FailOn;
  summary: Record<'errors' | 'warnings' | 'notices' | 'suppressed', number>;
  sources: SourceInfo[];
  /** Files found but not judged (templates, other modes' files, exclusions), with the reason. */
  skipped: SkippedFile[];
  findings: Finding[];
  checks: CheckResult[];
  /** Lines of sources that dotenv ignores (never their text). */
  diagnostics: SourceDiagnostic[];
  /** Diagnostics left out of `diagnostics` to bound memory and output. */
  diagnosticsOmitted?: number;
}
