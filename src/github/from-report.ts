import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';
import type { Finding } from '../core/finding.js';
import { KEY_SHAPED, redact } from '../core/redact.js';
import type { Report } from '../core/report.js';
import type { Origin } from '../core/variable.js';
import { jsonReportSchema, type JsonLocation } from '../reporters/json-schema.js';
import type { RuleMeta } from '../rules/rule.js';

/** Every key-shaped run redacted (prefix + … + last 4): one carried unredacted in a report is redacted here. */
function redactKeys(text: string): string {
  return text.replace(KEY_SHAPED, (key) => redact(key));
}

/**
 * The most of a report file read: a report of this size lists well over 100,000 findings. A larger one is refused
 * whole (exit 2), not read in part.
 */
const MAX_REPORT_BYTES = 100 * 1024 * 1024;

/** The text of the report file: a regular file only, within the cap; InputError naming it otherwise. */
function readReportText(file: string, cwd: string): string {
  try {
    const read = readRegularFile(resolve(cwd, file), MAX_REPORT_BYTES);
    if (read.overCap) {
      throw new InputError(`from-report: ${file} is larger than ${sizeInWords(MAX_REPORT_BYTES)} (not read)`);
    }
    return read.bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFile) throw new InputError(`from-report: cannot read ${file}: ${error.reason}`);
    throw error;
  }
}

/**
 * A JSON report made by an earlier run (`from-report`), for the fork-safe recipe: the gate scans on
 * `pull_request` with a read-only token, and a `workflow_run` job posts from its report. The file comes from the
 * pull request's run, so it is untrusted: validated with zod field by field, and every string in it redacted where
 * it is shaped like a key. Its texts are data: every reporter escapes them (a fix's markdown keeps only its code
 * spans and links to the vendors' own pages).
 */
export async function readReportFile(file: string, cwd: string, rules: ReadonlyMap<string, RuleMeta>): Promise<Report> {
  const text = readReportText(file, cwd);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(`from-report: ${file} is not JSON`);
  }
  const parsed = jsonReportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `from-report: ${file} is not a clerk-production-gate report (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`
    );
  }
  // Every string of the report, whatever its field, redacted before any of it is used.
  const json = redactStrings(parsed.data);
  const findings: Finding[] = json.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    variable: f.variable,
    value: f.value,
    origin: origin(f.location),
    message: f.message,
    fix: f.fix,
    ...(f.suppressed && { suppressed: f.suppressed }),
    ...(f.shadowed_by && { shadowedBy: origin(f.shadowed_by) }),
    ...(f.original_location && { original: f.original_location }),
    ...(f.excerpt !== undefined && { excerpt: f.excerpt })
  }));
  const suppressed = findings.filter((f) => f.suppressed).length;
  return {
    environment: json.environment,
    isProduction: json.production ?? true,
    passed: json.passed,
    failOn: 'error',
    summary: { ...json.summary, suppressed },
    sources: json.sources.map((source): Report['sources'][number] => {
      if (source.kind === 'file') return source;
      if (source.kind === 'vercel' || source.kind === 'netlify') {
        const { kind: host, project, target, variables } = source;
        return { kind: 'host', host, project, target, variables };
      }
      return { kind: source.kind, variables: source.variables };
    }),
    skipped: json.skipped,
    findings,
    checks: json.checks.map((c) => ({ ...c, title: rules.get(c.id)?.title ?? c.id })),
    diagnostics: []
  };
}

/**
 * A copy of the validated report with every string redacted, walked generically so that no field, present or
 * added later, is missed. Object keys are the schema's own (its objects are strict), so only values are touched.
 */
function redactStrings<T>(value: T): T {
  if (typeof value === 'string') return redactKeys(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item)])) as T;
  }
  return value;
}

function origin(location: JsonLocation): Origin {
  if ('file' in location) {
    return { kind: 'file', file: location.file, line: location.line, column: location.column };
  }
  if ('url' in location) {
    return { kind: 'url', url: location.url, line: location.line, column: location.column };
  }
  if ('project' in location) {
    const { source: host, project, target } = location;
    return { kind: 'host', host, project, target };
  }
  return { kind: location.source };
}
