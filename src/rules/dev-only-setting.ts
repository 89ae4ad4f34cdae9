import { memo } from '../core/memo.js';
import { ruleDocs } from './docs-link.js';
import { defineRule, hitsPerVariable, type Rule } from './rule.js';

/** Settings meant for development or automated tests only, matched on the name without a public prefix. */
const DEV_ONLY = new Map<RegExp, string>([
  [/(^|_)UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING$/, 'silences the development-instance warning'],
  [/(^|_)CLERK_TESTING_TOKEN$/, 'is a testing token that bypasses bot protection'],
  [/(^|_)CLERK_TEST_(EMAIL|PASSWORD)$/, 'holds test-account credentials for end-to-end tests'],
  [/(^|_)CLERK_TELEMETRY_DEBUG$/, 'turns on telemetry debug logging'],
  [/(^|_)CLERK_DEBUG$/, 'turns on debug logging']
]);

/** `false`, `0`, `off`, `no` and empty turn a flag off; such a setting does nothing. */
const OFF = /^(|false|0|off|no)$/i;

export const devOnlySetting: Rule = defineRule(
  {
    id: 'dev-only-setting',
    severity: 'warning',
    title: 'Development-only setting in production',
    explanation:
      'Some settings exist only for local development or automated tests: they hide warnings, log request details or bypass protections. In production they hide problems or weaken security.',
    fix: 'Remove the variable from the production environment.',
    docs: ruleDocs('dev-only-setting'),
    appliesIn: 'production'
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable) => {
      const why = devOnlyReason(variable.name);
      if (why === null || OFF.test(variable.value.trim())) return null;
      return { variable, message: `${variable.name} ${why}.` };
    });
  }
);

/** Why a name is a development-only setting, or null; once per distinct name (names repeat across files). */
const devOnlyReason = memo((name: string): string | null => {
  for (const [pattern, reason] of DEV_ONLY) if (pattern.test(name)) return reason;
  return null;
});
