import path from 'node:path';
import type { SkippedFile, SourceDiagnostic, SourceInfo } from '../../src/core/source.js';
import type { Variable } from '../../src/core/variable.js';
import { globs } from '../../src/sources/glob.js';
import { planSources, type PlanOptions } from '../../src/sources/plan.js';
import { readUnit } from '../../src/sources/read-unit.js';
import { readRuntime, type RuntimeOptions } from '../../src/sources/runtime.js';

export interface CollectOptions extends Omit<PlanOptions, 'targetModes'>, RuntimeOptions {
  /** Default: the environment alone. */
  targetModes?: ReadonlySet<string>;
}

export interface Collected {
  variables: Variable[];
  sources: SourceInfo[];
  diagnostics: SourceDiagnostic[];
  skipped: SkippedFile[];
}

/**
 * Every variable of every source at once: dotenv units in argument order, then env, vars, secrets.
 * The engine streams the same pieces unit by unit (src/engine/run-gate.ts); tests look at the whole picture.
 */
export async function collectVariables(options: CollectOptions): Promise<Collected> {
  const runtime = await readRuntime(options);
  const cwd = path.resolve(options.cwd);
  const collected: Collected = { variables: [], sources: [], diagnostics: [], skipped: [] };
  const plan = planSources({ ...options, targetModes: options.targetModes ?? new Set([options.environment]) }, globs);
  collected.skipped.push(...plan.skipped);
  for (const unit of plan.units) {
    const contents = readUnit(unit, cwd, runtime);
    collected.variables.push(...contents.variables);
    collected.sources.push(...contents.sources);
    collected.diagnostics.push(...contents.diagnostics);
  }
  collected.variables.push(...runtime.variables);
  collected.sources.push(...runtime.sources);
  return collected;
}
