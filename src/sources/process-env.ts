import type { Variable } from '../core/variable.js';

/** Variables the Actions runner sets for itself; never the app's configuration. */
const RUNNER_PREFIXES = ['GITHUB_', 'RUNNER_', 'INPUT_', 'ACTIONS_'];

export function readProcessEnv(env: readonly (readonly [string, string?])[]): Variable[] {
  const variables: Variable[] = [];
  for (const [name, value] of env) {
    if (value === undefined || RUNNER_PREFIXES.some((p) => name.startsWith(p))) continue;
    variables.push({ name, value, origin: { kind: 'env' } });
  }
  return variables;
}
