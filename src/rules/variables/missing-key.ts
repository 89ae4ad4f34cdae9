import type { Variable } from '../../core/variable.js';
import { isBlank } from './blank.js';
import {
  isClerkVariable,
  isPublicVariable,
  isPublishableKeyVariable,
  isSecretKeyVariable
} from '../clerk-variables.js';
import { ruleDocs } from '../docs-link.js';
import { defineRule, type Rule, type RuleHit } from '../rule.js';

/** Frameworks whose Clerk SDK runs on a server and so needs the secret key. */
const SERVER_FRAMEWORKS = new Set(['nextjs', 'remix', 'astro', 'nuxt', 'node']);

export const missingKey: Rule = defineRule(
  {
    id: 'missing-key',
    severity: 'error',
    title: 'Clerk is configured but a key is missing',
    explanation:
      'Clerk variables reach this environment, but no publishable key (needed by every app) or no secret key (needed by server-side code) does. The app would fail at start or on the first request. An empty value counts as not set.',
    fix: "Add the production instance's keys to the environment, e.g. `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY` and `CLERK_SECRET_KEY` as environment secrets. If your hosting provider injects them, pass them to the gate too, or ignore this rule.",
    docs: ruleDocs('missing-key'),
    appliesIn: 'always',
    messages: {
      publishableKey: 'Clerk is in use ({{evidence}} is set) but no publishable key reaches this environment.',
      secretKey: 'Clerk is in use ({{evidence}} is set) but no secret key reaches this environment.'
    }
  },
  ({ variables, effective, frameworks, hasRuntimeSources }) => {
    // Judged once per scope, on evidence defined in it: a Clerk variable with a value that reaches the app.
    // Empty values are placeholders (a committed `CLERK_SECRET_KEY=`): they are neither evidence nor a key.
    const first = variables.find((v) => isClerkVariable(v.name) && !v.shadowedBy && isSet(v));
    if (!first) return [];
    const clerk = effective.filter((v) => isClerkVariable(v.name) && isSet(v));
    // Without the runtime environment the keys may live in the host's settings, which the gate cannot see.
    const severity = hasRuntimeSources ? 'error' : 'warning';
    const hits: RuleHit[] = [];
    if (!clerk.some((v) => isPublishableKeyVariable(v.name))) {
      hits.push(missing(first, 'CLERK_PUBLISHABLE_KEY', 'publishableKey', severity));
    }
    const serverSide =
      [...frameworks].some((f) => SERVER_FRAMEWORKS.has(f)) ||
      clerk.some((v) => !isPublicVariable(v.name) && !isPublishableKeyVariable(v.name));
    if (serverSide && !clerk.some((v) => isSecretKeyVariable(v.name))) {
      hits.push(missing(first, 'CLERK_SECRET_KEY', 'secretKey', severity));
    }
    return hits;
  }
);

/** Set: a value that is not blank, or a host's write-only variable (present, value not readable). */
function isSet(v: Variable): boolean {
  return v.unreadable === true || !isBlank(v.value);
}

function missing(evidence: Variable, subject: string, messageId: string, severity: 'error' | 'warning'): RuleHit {
  return { variable: evidence, subject, absent: true, severity, messageId, data: { evidence: evidence.name } };
}
