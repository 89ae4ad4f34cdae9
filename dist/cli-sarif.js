import { V as VERSION, r as ruleDocs, d as describeOrigin } from './cli.js';
import 'node:fs';
import 'node:path';
import 'node:module';
import 'node:buffer';
import 'node:util';
import 'node:os';
import 'node:string_decoder';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/clerk-production-gate/clerk-production-gate';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
/** A relative path as a URI reference: `/` separators, each segment percent-encoded. */
function artifactUri(file) {
    const path = file.replace(/\\/g, '/');
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    return path.startsWith('/') ? `file://${encoded}` : encoded;
}
function physicalLocation(file, line, column) {
    const region = column === undefined
        ? { startLine: Math.max(1, line) }
        : { startLine: Math.max(1, line), startColumn: Math.max(1, column) };
    return { physicalLocation: { artifactLocation: { uri: artifactUri(file) }, region } };
}
function location(origin) {
    if (origin.kind === 'file')
        return physicalLocation(origin.file, origin.line, origin.column);
    if (origin.kind === 'url' || origin.kind === 'host') {
        return { logicalLocations: [{ name: describeOrigin(origin), kind: 'resource' }] };
    }
    return { logicalLocations: [{ name: origin.kind, kind: 'resource' }] };
}
function describeRule(id, meta, severity) {
    if (!meta) {
        return {
            id,
            shortDescription: { text: id },
            fullDescription: { text: id },
            helpUri: ruleDocs(id),
            defaultConfiguration: { level: LEVEL[severity] }
        };
    }
    return {
        id,
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.explanation },
        help: { text: meta.fix },
        helpUri: meta.docs,
        defaultConfiguration: { level: LEVEL[meta.severity] }
    };
}
function result(f, ruleIndex) {
    // Shadowed definitions never reach the environment: informational, so `note`.
    const level = f.shadowedBy ? 'note' : LEVEL[f.severity];
    const shadowed = f.shadowedBy ? ` Shadowed by ${describeOrigin(f.shadowedBy)}; informational.` : '';
    const out = {
        ruleId: f.rule,
        ruleIndex,
        level,
        message: { text: `${f.variable} = ${f.value}: ${f.message}${shadowed} Fix: ${f.fix}` },
        locations: [location(f.origin)]
    };
    if (f.suppressed) {
        out.suppressions = [
            f.suppressed.by === 'inline-comment'
                ? { kind: 'inSource', location: physicalLocation(f.suppressed.file, f.suppressed.line) }
                : { kind: 'external', justification: 'Ignored with the ignore option.' }
        ];
    }
    return out;
}
/**
 * The run's invocation: checks that could not read everything, or whose calls failed, as tool execution
 * notifications (`incomplete` at the level that decides the verdict), and `executionSuccessful` false when one of them fails the gate.
 */
function invocation(report) {
    const notes = report.checks
        .filter((c) => c.status === 'incomplete' || c.status === 'error')
        .map((c) => ({
        descriptor: { id: c.id },
        level: c.status === 'incomplete' && report.isProduction && c.tolerated !== true ? 'error' : 'warning',
        message: { text: `${c.title || c.id} (${c.status}): ${c.detail}` }
    }));
    return { executionSuccessful: !notes.some((n) => n.level === 'error'), toolExecutionNotifications: notes };
}
/** SARIF 2.1.0 with one run. Lists every known rule, then any rule id found only in findings. */
function renderSarif(report, rules) {
    const descriptors = [...rules.values()].map((meta) => describeRule(meta.id, meta, meta.severity));
    const index = new Map(descriptors.map((d, i) => [d.id, i]));
    for (const f of report.findings) {
        if (!index.has(f.rule)) {
            index.set(f.rule, descriptors.length);
            descriptors.push(describeRule(f.rule, undefined, f.severity));
        }
    }
    const sarif = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'clerk-production-gate',
                        version: VERSION,
                        informationUri: INFORMATION_URI,
                        rules: descriptors
                    }
                },
                invocations: [invocation(report)],
                columnKind: 'utf16CodeUnits',
                results: report.findings.map((f) => result(f, index.get(f.rule) ?? 0))
            }
        ]
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}

export { renderSarif };
