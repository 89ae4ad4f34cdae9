import { resolve } from 'node:path';
import { s as strictObject, a as array, i as int, b as boolean, o as optional, c as string, l as literal, _ as _enum, u as union, d as discriminatedUnion, I as InputError, r as readRegularFile, e as sizeInWords, U as UnreadableFile, K as KEY_SHAPED, f as redact } from './index.js';
import 'os';
import 'node:fs';
import 'node:module';
import 'fs';
import 'path';
import 'node:fs/promises';
import 'node:buffer';

/**
 * The public contract of the JSON report (`version: 1`). Objects are strict: a key that is not
 * listed here is a contract change. Findings carry `suppressed`, `shadowed_by`,
 * `expanded_from`, `original_location` and `excerpt` only when set.
 */
const severity = _enum(['error', 'warning', 'notice']);
const jsonLocationSchema = union([
    strictObject({ file: string(), line: int(), column: int() }),
    /** A page or chunk of the deployed site. */
    strictObject({ url: string(), line: int(), column: int() }),
    strictObject({ source: _enum(['vars', 'secrets', 'env', 'clerk-api', 'dns']) }),
    /** A host's project variables: `{"source": "vercel", "project": …, "target": …}`. */
    strictObject({ source: _enum(['vercel', 'netlify']), project: string(), target: string() })
]);
const jsonSuppressionSchema = discriminatedUnion('by', [
    strictObject({ by: literal('ignore-option') }),
    strictObject({ by: literal('inline-comment'), file: string(), line: int() })
]);
const jsonFindingSchema = strictObject({
    rule: string(),
    severity,
    variable: string(),
    value: string(),
    location: jsonLocationSchema,
    message: string(),
    fix: string(),
    suppressed: optional(jsonSuppressionSchema),
    shadowed_by: optional(jsonLocationSchema),
    /** The variables a `${NAME}` expansion put into the value, with where each is defined. */
    expanded_from: optional(array(strictObject({ variable: string(), location: jsonLocationSchema }))),
    /** For a finding in built code: the position in the original source, from the source map. */
    original_location: optional(strictObject({ file: string(), line: int(), column: int() })),
    /** For a finding in built or fetched code: the text around it, secrets redacted. */
    excerpt: optional(string())
});
const jsonSourceSchema = union([
    strictObject({
        kind: literal('file'),
        file: string(),
        variables: int(),
        framework: optional(string())
    }),
    strictObject({ kind: _enum(['vars', 'secrets', 'env']), variables: int() }),
    strictObject({
        kind: _enum(['vercel', 'netlify']),
        project: string(),
        target: string(),
        variables: int()
    })
]);
/** A file found but not judged (a template, another mode's file, an exclusion), and why. */
const jsonSkippedSchema = strictObject({ file: string(), reason: string() });
const jsonCheckSchema = strictObject({
    id: string(),
    status: _enum(['pass', 'fail', 'skipped', 'error', 'incomplete']),
    detail: string()
});
const jsonReportSchema = strictObject({
    version: literal(1),
    environment: string(),
    /** Whether the environment counts as production (added after version 1 first shipped: optional to read). */
    production: optional(boolean()),
    passed: boolean(),
    summary: strictObject({ errors: int(), warnings: int(), notices: int() }),
    sources: array(jsonSourceSchema),
    skipped: array(jsonSkippedSchema),
    findings: array(jsonFindingSchema),
    checks: array(jsonCheckSchema)
});

/** Every key-shaped run redacted (prefix + … + last 4): one carried unredacted in a report is redacted here. */
function redactKeys(text) {
    return text.replace(KEY_SHAPED, (key) => redact(key));
}
/**
 * The most of a report file read: a report of this size lists well over 100,000 findings. A larger one is refused
 * whole (exit 2), not read in part.
 */
const MAX_REPORT_BYTES = 100 * 1024 * 1024;
/** The text of the report file: a regular file only, within the cap; InputError naming it otherwise. */
function readReportText(file, cwd) {
    try {
        const read = readRegularFile(resolve(cwd, file), MAX_REPORT_BYTES);
        if (read.overCap) {
            throw new InputError(`from-report: ${file} is larger than ${sizeInWords(MAX_REPORT_BYTES)} (not read)`);
        }
        return read.bytes.toString('utf8');
    }
    catch (error) {
        if (error instanceof UnreadableFile)
            throw new InputError(`from-report: cannot read ${file}: ${error.reason}`);
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
async function readReportFile(file, cwd, rules) {
    const text = readReportText(file, cwd);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new InputError(`from-report: ${file} is not JSON`);
    }
    const parsed = jsonReportSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`from-report: ${file} is not a clerk-production-gate report (${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'})`);
    }
    // Every string of the report, whatever its field, redacted before any of it is used.
    const json = redactStrings(parsed.data);
    const findings = json.findings.map((f) => ({
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
        sources: json.sources.map((source) => {
            if (source.kind === 'file')
                return source;
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
function redactStrings(value) {
    if (typeof value === 'string')
        return redactKeys(value);
    if (Array.isArray(value))
        return value.map((item) => redactStrings(item));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item)]));
    }
    return value;
}
function origin(location) {
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

export { readReportFile };
