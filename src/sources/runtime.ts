import type { SourceInfo } from '../core/source.js';
import type { Origin, Variable } from '../core/variable.js';
import type { ExpansionEnvironment } from './expand.js';
import { parseJsonInput } from './json-input.js';
import { readProcessEnv } from './process-env.js';

export interface RuntimeOptions {
  varsJson?: { label: string; text: string };
  secretsJson?: { label: string; text: string };
  processEnv?: readonly (readonly [string, string?])[];
}

/** One host's project variables for the deploy target, already read (see hosts/). */
export interface HostSource {
  origin: Extract<Origin, { kind: 'host' }>;
  variables: Variable[];
  /** The project's Environment Variables settings page, for the fix texts. */
  settingsUrl?: string;
}

export interface RuntimeVariables {
  variables: Variable[];
  sources: SourceInfo[];
  /** For each name, the runtime definition that shadows dotenv files: env, then secrets, then vars. */
  winners: Map<string, Origin>;
  /** The winning values, which `${NAME}` references in dotenv files expand to. */
  expansion: ExpansionEnvironment;
}

/**
 * The deployment's own environment: process env, the hosts' project variables, secrets and vars. They do not shadow
 * each other (each is reported); for expansion and for shadowing dotenv files the winner is, highest first: the
 * process environment, a host, secrets, vars (see the README's precedence table for why).
 */
export async function readRuntime(
  options: RuntimeOptions,
  hosts: readonly HostSource[] = []
): Promise<RuntimeVariables> {
  const groups: { kind: 'env' | 'vars' | 'secrets'; variables: Variable[] }[] = [];
  if (options.processEnv) groups.push({ kind: 'env', variables: readProcessEnv(options.processEnv) });
  if (options.varsJson) {
    const { text, label } = options.varsJson;
    groups.push({ kind: 'vars', variables: await parseJsonInput(text, 'vars', label) });
  }
  if (options.secretsJson) {
    const { text, label } = options.secretsJson;
    groups.push({ kind: 'secrets', variables: await parseJsonInput(text, 'secrets', label) });
  }
  const winners = new Map<string, Origin>();
  const values = new Map<string, string>();
  const ranked = [
    ...(['vars', 'secrets'] as const).map((kind) => groups.find((g) => g.kind === kind)?.variables ?? []),
    ...hosts.map((h) => h.variables),
    groups.find((g) => g.kind === 'env')?.variables ?? []
  ];
  for (const variables of ranked) {
    for (const v of variables) {
      winners.set(v.name, v.origin);
      values.set(v.name, v.value);
    }
  }
  return {
    variables: [...groups.flatMap((g) => g.variables), ...hosts.flatMap((h) => h.variables)],
    sources: [
      ...groups.map((g) => ({ kind: g.kind, variables: g.variables.length })),
      ...hosts.map(({ origin: { host, project, target }, variables }) => ({
        kind: 'host' as const,
        host,
        project,
        target,
        variables: variables.length
      }))
    ],
    winners,
    // Object.fromEntries keeps a name such as `__proto__` as an own key.
    expansion: { values: Object.fromEntries(values) as Record<string, string>, origins: winners }
  };
}

/** Frameworks never override a variable already in the environment: runtime definitions shadow dotenv ones. */
export function shadowByRuntime(variables: Variable[], runtime: RuntimeVariables): void {
  for (const v of variables) {
    const winner = runtime.winners.get(v.name);
    if (winner) v.shadowedBy = winner;
  }
}
