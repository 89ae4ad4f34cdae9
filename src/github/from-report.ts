import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { KEY_SHAPED, redact } from '../core/redact.js';
import type { Report } from '../core/report.js';
import type { Origin } from '../core/variable.js';
import { jsonReportSchema, type JsonLocation } from '../reporters/json-schema.js';
import { escapeMarkdown } from '../reporters/markdown-text.js';
import type { RuleMeta } from '../rules/rule.js';

/** Every key-shaped run redacted (prefix + … + last 4): one carried unredacted in a report is redacted here. */
function redactKeys(text: string): string {
  return text.replace(KEY_SHAPED, (key) => redact(key));
}

/**
 * A JSON report made by an earlier run (`from-report`), for the fork-safe recipe: the gate scans on
 * `pull_request` with a read-only token, and a `workflow_run` job posts from its report. The file comes from the
 * pull request's run, so it is untrusted: validated with zod field by field, texts the gate did not write are
 * escaped where they would be trusted (fix texts), and values shaped like keys are redacted.
 */
export async function readReportFile(file: string, cwd: string, rules: ReadonlyMap<string, RuleMeta>): Promise<Report> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(`from-report: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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
  const json = parsed.data;
  const findings: Finding[] = json.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    variable: redactKeys(f.variable),
    value: redactKeys(f.value),
    origin: origin(f.location),
    message: redactKeys(f.message),
    fix: trustedFix(f.rule, redactKeys(f.fix), rules),
    ...(f.suppressed && { suppressed: f.suppressed }),
    ...(f.shadowed_by && { shadowedBy: origin(f.shadowed_by) }),
    ...(f.original_location && {
      original: { ...f.original_location, file: redactKeys(f.original_location.file) }
    }),
    ...(f.excerpt !== undefined && { excerpt: redactKeys(f.excerpt) })
  }));
  const suppressed = findings.filter((f) => f.suppressed).length;
  return {
    environment: json.environment,
    isProduction: json.production ?? true,
    passed: json.passed,
    failOn: 'error',
    summary: { ...json.summary, suppressed },
    sources: json.sources.map((source): Report['sources'][number] => {
      if (source.kind === 'file') return { ...source, file: redactKeys(source.file) };
      if (source.kind === 'vercel' || source.kind === 'netlify') {
        const { kind: host, project, target, variables } = source;
        return { kind: 'host', host, project: redactKeys(project), target: redactKeys(target), variables };
      }
      return { kind: source.kind, variables: source.variables };
    }),
    skipped: json.skipped.map(({ file, reason }) => ({ file: redactKeys(file), reason: redactKeys(reason) })),
    findings,
    checks: json.checks.map((c) => ({
      id: c.id,
      status: c.status,
      detail: redactKeys(c.detail),
      title: rules.get(c.id)?.title ?? redactKeys(c.id)
    })),
    diagnostics: []
  };
}

function origin(location: JsonLocation): Origin {
  if ('file' in location) {
    return { kind: 'file', file: redactKeys(location.file), line: location.line, column: location.column };
  }
  if ('url' in location) {
    return { kind: 'url', url: redactKeys(location.url), line: location.line, column: location.column };
  }
  if ('project' in location) {
    const { source: host, project, target } = location;
    return { kind: 'host', host, project: redactKeys(project), target: redactKeys(target) };
  }
  return { kind: location.source };
}

/** The fix as the gate wrote it (the rule's own texts), else escaped: markdown in it would be taken as trusted. */
function trustedFix(rule: string, fix: string, rules: ReadonlyMap<string, RuleMeta>): string {
  const meta = rules.get(rule);
  if (meta && (fix === meta.fix || Object.values(meta.messages).includes(fix))) return fix;
  // Escaped here; `|` is left to the renderer, which escapes it in every fix.
  return escapeMarkdown(fix).replace(/\\\|/g, '|');
}
