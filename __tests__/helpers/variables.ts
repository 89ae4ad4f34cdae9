import type { Origin, Variable } from '../../src/core/variable.js';
import type { RuleContext } from '../../src/rules/rule.js';

let line = 0;

/** A variable defined in `.env` at the next line, unless another origin is given. */
export function variable(name: string, value: string, origin?: Origin, extra: Partial<Variable> = {}): Variable {
  line += 1;
  return { name, value, origin: origin ?? { kind: 'file', file: '.env', line, column: 1 }, ...extra };
}

export function context(variables: Variable[], overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    variables,
    effective: variables.filter((v) => !v.shadowedBy),
    environment: 'production',
    isProduction: true,
    frameworks: new Set(),
    hasRuntimeSources: false,
    ...overrides
  };
}
