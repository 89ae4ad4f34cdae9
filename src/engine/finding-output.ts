import { SEVERITY_RANK, type Finding } from '../core/finding.js';
import { Scrubber } from '../core/scrub.js';
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
 * masking), are counted, and are kept or handed to a sink. Also collects the secret values found, for masking,
 * and tells each to the run's scrubber, which takes every secret known from the texts of findings made from outside
 * answers (any finding not on a file: hosts, Clerk's APIs, DNS, the deployed site).
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
    private readonly collectSecrets: boolean,
    readonly scrubber: Scrubber = new Scrubber()
  ) {
    this.ignored = new Set(ignore);
    this.settingsPages = new Map(hostSources.map((h) => [describeOrigin(h.origin), h.settingsUrl]));
  }

  /**
   * One scope's hits as findings. Within a scope by location. A sink buffers each severity apart; here the stable
   * sort by severity in `findings()` keeps reading order. Returns the scope's findings, for its checklist lines.
   */
  emit(hits: readonly Hit[]): Finding[] {
    const found = hits.map((hit) => this.scrubbed(toFinding(hit, this.ignored)));
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

  /** Secret values found by a check: for the shell to register with log masking, and for the scrubber. */
  keepSecrets(values: readonly string[]): void {
    this.scrubber.add(values);
    if (this.collectSecrets) for (const secret of values) this.secretSet.add(secret);
  }

  /** The secret values among variables read. */
  keepVariables(variables: readonly Variable[]): void {
    this.keepSecrets(secretValues(variables));
  }

  /** A finding made from an outside answer (not on a file), with every secret known so far scrubbed from it. */
  scrubbed(finding: Finding): Finding {
    if (finding.origin.kind === 'file') return finding;
    return { ...finding, message: this.scrubber.scrub(finding.message), fix: this.scrubber.scrub(finding.fix) };
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
