import { isBlank } from './blank.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, hitsPerVariable, type Rule, type RuleHit } from '../rule.js';

/** Settings meant for development or automated tests only, matched on the name without a public prefix. */
const DEV_ONLY: readonly (readonly [RegExp, string])[] = [
  [/(^|_)UNSAFE_DISABLE_DEVELOPMENT_MODE_CONSOLE_WARNING$/, 'consoleWarningOff'],
  [/(^|_)CLERK_TESTING_TOKEN$/, 'testingToken'],
  [/(^|_)CLERK_TEST_(EMAIL|PASSWORD)$/, 'testCredentials'],
  [/(^|_)CLERK_TELEMETRY_DEBUG$/, 'telemetryDebug'],
  [/(^|_)CLERK_DEBUG$/, 'debug']
];

/** `false`, `0`, `off`, `no` and empty turn a flag off; such a setting does nothing. */
const OFF = /^(false|0|off|no)$/i;

export const devOnlySetting: Rule = defineRule(
  {
    id: 'dev-only-setting',
    severity: 'warning',
    title: 'Development-only setting in production',
    explanation:
      'Some settings exist only for local development or automated tests: they hide warnings, log request details or bypass protections. In production they hide problems or weaken security.',
    fix: 'Remove the variable from the production environment.',
    docs: ruleDocs('dev-only-setting'),
    appliesIn: 'production',
    messages: {
      consoleWarningOff: '{{name}} silences the development-instance warning.',
      testingToken: '{{name}} is a testing token that bypasses bot protection.',
      testCredentials: '{{name}} holds test-account credentials for end-to-end tests.',
      telemetryDebug: '{{name}} turns on telemetry debug logging.',
      debug: '{{name}} turns on debug logging.'
    }
  },
  ({ variables }) => {
    return hitsPerVariable(variables, (variable): RuleHit | null => {
      const { name, value } = variable;
      const messageId = DEV_ONLY.find(([pattern]) => pattern.test(name))?.[1];
      if (messageId === undefined || isBlank(value) || OFF.test(value.trim())) return null;
      return { variable, messageId, data: { name } };
    });
  }
);
