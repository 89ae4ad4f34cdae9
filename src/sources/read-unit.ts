import type { SourceDiagnostic, SourceInfo } from '../core/source.js';
import type { Origin, Variable } from '../core/variable.js';
import { parseDotenv } from './dotenv-file.js';
import { expandVariables } from './expand.js';
import { relativePath, type SourceUnit } from './plan.js';
import { readDotenvText } from './read-text.js';
import { shadowByRuntime, type RuntimeVariables } from './runtime.js';

export interface UnitContents {
  variables: Variable[];
  sources: SourceInfo[];
  diagnostics: SourceDiagnostic[];
}

/**
 * Reads one unit. The runtime environment shadows every file definition of a name it defines; in a layered set
 * the highest-precedence definition of a name shadows the others. Then `${NAME}` references are expanded
 * against what reaches the app (see expand.ts).
 */
export function readUnit(unit: SourceUnit, cwd: string, runtime: RuntimeVariables): UnitContents {
  if (unit.kind === 'file') {
    const file = relativePath(cwd, unit.file);
    const parsed = parseDotenv(readDotenvText(unit.file, file), file);
    shadowByRuntime(parsed.variables, runtime);
    const variables = expandVariables(parsed.variables, runtime.expansion);
    return {
      variables,
      sources: [{ kind: 'file', file, variables: variables.length }],
      diagnostics: parsed.diagnostics
    };
  }

  const layers = unit.files.map((abs) => {
    const file = relativePath(cwd, abs);
    return { file, ...parseDotenv(readDotenvText(abs, file), file) };
  });
  for (const layer of layers) shadowByRuntime(layer.variables, runtime);
  const winner = new Map<string, Origin>();
  for (const layer of layers) {
    for (const v of layer.variables) if (!v.shadowedBy && !winner.has(v.name)) winner.set(v.name, v.origin);
  }
  for (const layer of layers) {
    for (const v of layer.variables) {
      const w = winner.get(v.name);
      if (w && w !== v.origin) v.shadowedBy = w;
    }
  }
  // Expansion runs over the merged set, lowest precedence first, as Vite and Next.js merge files.
  const lowestFirst = [...layers].reverse();
  const expanded = expandVariables(
    lowestFirst.flatMap((l) => l.variables),
    runtime.expansion
  );
  const variables: Variable[] = [];
  const sources: SourceInfo[] = [];
  let end = expanded.length;
  // Back to highest precedence first, each file's definitions in file order.
  for (const layer of layers) {
    variables.push(...expanded.slice(end - layer.variables.length, end));
    end -= layer.variables.length;
    sources.push({ kind: 'file', file: layer.file, variables: layer.variables.length, framework: unit.framework });
  }
  return { variables, sources, diagnostics: layers.flatMap((l) => l.diagnostics) };
}
