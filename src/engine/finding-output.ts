import { SEVERITY_RANK, type Finding } from '../core/finding.js';
import { describeOrigin, type Variable } from '../core/variable.js';
import type { Hit } from '../rules/rule.js';
import type { HostSource } from '../sources/runtime.js';
import { FindingTally } from './finding-tally.js';
import { secretValues } from './secret-values.js';
import { toFinding } from './to-finding.js';

/** Receives findings in report order: by severity, and within one by reading order. */
export interface FindingSink {
  add(finding: Finding): void;
}

/**
 * Where every check's hits go: they become findings here (engine/to-finding.ts: ignore, suppression, shadowing,
 * masking), are counted, and are kept or handed to a sink. Also collects the secret values found, for masking.
 */
export class FindingOutput {
  readonly tally = new FindingTally();
  private readonly kept: Finding[] = [];
  private readonly secretSet = new Set<string>();
  private readonly ignored: ReadonlySet<string>;
  private readonly settingsPages: ReadonlyMap<string, string | undefined>;

  constructor(
    ignore: readonly string[],
    hostSources: readonly HostSource[],
    private readonly sink: FindingSink | undefined,
    private readonly collectSecrets: boolean
  ) {
    this.ignored = new Set(ignore);
    this.settingsPages = new Map(hostSources.map((h) => [describeOrigin(h.origin), h.settingsUrl]));
  }

  /**
   * One scope's hits as findings. Within a scope by location. A sink buffers each severity apart; here the stable
   * sort by severity in `findings()` keeps reading order. Returns the scope's findings, for its checklist lines.
   */
  emit(hits: readonly Hit[]): Finding[] {
    const found = hits.map((hit) => toFinding(hit, this.ignored));
    found.sort(byLocation);
    for (const original of found) {
      // A finding on a host's variable says where to change it: the project's settings page.
      const page =
        original.origin.kind === 'host' ? this.settingsPages.get(describeOrigin(original.origin)) : undefined;
      const finding =
        page && !original.fix.includes(page) ? { ...original, fix: `${original.fix} Change it at ${page}.` } : original;
      this.tally.add(finding);
      if (this.sink) this.sink.add(finding);
      else this.kept.push(finding);
    }
    return found;
  }

  /** Secret values found by a check, for the shell to register with log masking. */
  keepSecrets(values: Iterable<string>): void {
    if (this.collectSecrets) for (const secret of values) this.secretSet.add(secret);
  }

  /** The secret values among variables read. */
  keepVariables(variables: readonly Variable[]): void {
    if (this.collectSecrets) this.keepSecrets(secretValues(variables));
  }

  get secrets(): string[] {
    return [...this.secretSet];
  }

  /** The findings kept (none when a sink took them), by severity. */
  findings(): Finding[] {
    return this.kept.sort(bySeverity);
  }
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/** Within one scope: files (by path, then line) before vars, secrets and env; then by rule. */
function byLocation(a: Finding, b: Finding): number {
  const fileA = a.origin.kind === 'file' ? a.origin : null;
  const fileB = b.origin.kind === 'file' ? b.origin : null;
  if (fileA && fileB) return compare(fileA.file, fileB.file) || fileA.line - fileB.line || compare(a.rule, b.rule);
  if (fileA || fileB) return fileA ? -1 : 1;
  return compare(a.origin.kind, b.origin.kind) || compare(a.rule, b.rule);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
