import type { Finding } from '../core/finding.js';
import type { Report } from '../core/report.js';
import type { SourceInfo } from '../core/source.js';
import type { Origin } from '../core/variable.js';
import type { JsonFinding, JsonLocation, JsonReport } from './json-schema.js';

export type { JsonFinding, JsonReport } from './json-schema.js';

/** The JSON report (public contract, see json-schema.ts). Keys are built explicitly so nothing else leaks. */
export function toJsonReport(report: Report): JsonReport {
  const { errors, warnings, notices } = report.summary;
  return {
    version: 1,
    environment: report.environment,
    production: report.isProduction,
    passed: report.passed,
    summary: { errors, warnings, notices },
    sources: report.sources.map(toJsonSource),
    skipped: report.skipped.map(({ file, reason }) => ({ file, reason })),
    findings: report.findings.map(toJsonFinding),
    checks: report.checks.map(({ id, status, detail }) => ({ id, status, detail }))
  };
}

/**
 * The JSON report as text: pretty-printed like JSON.stringify(…, null, 2), with every non-ASCII character
 * written as a \\u escape. Parsers read the same values; the text stays one byte a character, which V8
 * serializes and writes to a pipe much faster (values hold `…`, which would make every string two-byte).
 */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/**
 * The same text as renderJson, in pieces: the long arrays (sources, findings) are rendered a batch of items
 * at a time, so a report with tens of thousands of findings is never one string in memory. `findingsArray`
 * replaces the rendering of `report.findings` (a spill file's contents, see json-spill.ts).
 */
export function* renderJsonChunks(report: Report, findingsArray?: Iterable<string>): Generator<string> {
  const skeleton = JSON.stringify(
    { ...toJsonReport({ ...report, sources: [], findings: [] }), sources: SOURCES_SLOT, findings: FINDINGS_SLOT },
    null,
    2
  );
  const [head = '', afterSources = ''] = asciiJson(skeleton).split(JSON.stringify(SOURCES_SLOT));
  const [middle = '', tail = ''] = afterSources.split(JSON.stringify(FINDINGS_SLOT));
  yield head;
  yield* arrayChunks(report.sources.map(toJsonSource));
  yield middle;
  yield* findingsArray ?? arrayChunks(report.findings.map(toJsonFinding));
  yield `${tail}\n`;
}

// Placeholders no real value can equal (JSON strings never hold a raw NUL from our reports).
const SOURCES_SLOT = '\u0000sources\u0000';
const FINDINGS_SLOT = '\u0000findings\u0000';

/**
 * Items rendered per JSON.stringify call. A batch's text (two bytes a character until `…` is escaped) must stay
 * under V8's large-object size (128 KiB): larger strings go straight to the old generation, where only a full
 * collection frees them, and 128 findings a batch made peak memory grow with the tree (10,000 files: about
 * 3 MiB more) and the run slower. 32 findings are about 40 KiB.
 */
export const JSON_BATCH = 32;

/**
 * Items of a top-level property's array, as JSON.stringify(…, null, 2) indents them, joined by `,\n`
 * (no brackets). One stringify call for the batch: wrapped in an object, the items get their final indent.
 */
export function renderJsonItems(items: readonly unknown[]): string {
  if (items.length === 0) return '';
  const text = asciiJson(JSON.stringify({ items }, null, 2));
  return text.slice(WRAPPER_OPEN.length, -WRAPPER_CLOSE.length);
}

const WRAPPER_OPEN = '{\n  "items": [\n';
const WRAPPER_CLOSE = '\n  ]\n}';

/** JSON text with every non-ASCII character as a \\u escape (surrogate pairs as two escapes, as JSON allows). */
function asciiJson(text: string): string {
  // `…` (every redacted value has one) by plain string replacement, which is much cheaper than a callback
  // per match; anything else non-ASCII (rare) by the general rule.
  const common = text.replaceAll('\u2026', '\\u2026');
  return NON_ASCII.test(common) ? common.replace(NON_ASCII_ALL, escapeChar) : common;
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export const JSON_ARRAY_OPEN = '[\n';
export const JSON_ARRAY_SEPARATOR = ',\n';
export const JSON_ARRAY_CLOSE = '\n  ]';
export const JSON_EMPTY_ARRAY = '[]';

/** An array as JSON.stringify(…, null, 2) writes it as a property of the top-level object. */
function* arrayChunks(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield JSON_EMPTY_ARRAY;
    return;
  }
  yield JSON_ARRAY_OPEN;
  for (let i = 0; i < items.length; i += JSON_BATCH) {
    yield (i > 0 ? JSON_ARRAY_SEPARATOR : '') + renderJsonItems(items.slice(i, i + JSON_BATCH));
  }
  yield JSON_ARRAY_CLOSE;
}

function toJsonLocation(origin: Origin): JsonLocation {
  if (origin.kind === 'file') return { file: origin.file, line: origin.line, column: origin.column };
  if (origin.kind === 'url') return { url: origin.url, line: origin.line, column: origin.column };
  if (origin.kind === 'host') return { source: origin.host, project: origin.project, target: origin.target };
  return { source: origin.kind };
}

export function toJsonFinding(finding: Finding): JsonFinding {
  const json: JsonFinding = {
    rule: finding.rule,
    severity: finding.severity,
    variable: finding.variable,
    value: finding.value,
    location: toJsonLocation(finding.origin),
    message: finding.message,
    fix: finding.fix
  };
  const s = finding.suppressed;
  if (s) json.suppressed = s.by === 'inline-comment' ? { by: s.by, file: s.file, line: s.line } : { by: s.by };
  if (finding.shadowedBy) json.shadowed_by = toJsonLocation(finding.shadowedBy);
  if (finding.expandedFrom) {
    json.expanded_from = finding.expandedFrom.map((r) => ({ variable: r.name, location: toJsonLocation(r.origin) }));
  }
  if (finding.original) {
    const { file, line, column } = finding.original;
    json.original_location = { file, line, column };
  }
  if (finding.excerpt !== undefined) json.excerpt = finding.excerpt;
  return json;
}

function toJsonSource(source: SourceInfo): JsonReport['sources'][number] {
  if (source.kind === 'host') {
    return { kind: source.host, project: source.project, target: source.target, variables: source.variables };
  }
  if (source.kind !== 'file') return { kind: source.kind, variables: source.variables };
  const { file, variables, framework } = source;
  return framework === undefined ? { kind: 'file', file, variables } : { kind: 'file', file, variables, framework };
}
