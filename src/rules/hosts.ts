import { ruleDocs } from './docs-link.js';
import type { RuleMeta } from './rule.js';

/** The rules on reading the hosts' project variables (Vercel, Netlify); the variables then go through every rule. */
const meta = (m: Omit<RuleMeta, 'docs'>): RuleMeta => ({ ...m, docs: ruleDocs(m.id) });

export const hostApiError = meta({
  id: 'host-api-error',
  severity: 'error',
  appliesIn: 'always',
  title: "A host's variables could not be read",
  explanation:
    "The gate could not read the deployment's variables from Vercel or Netlify, so it could not check what the deployed app receives. A refused token (401, 403) or an unknown project (404) is always an error; other failures (429, 5xx, timeouts, network) follow `on-api-error`.",
  fix: 'Read the message: a 401 needs a valid token, a 403 a token with access to the project and its team, a 404 the right project or site id; for an outage set on-api-error: warn.',
  messages: {
    failed: '{{message}}.'
  }
});

export const hostVariableUnreadable = meta({
  id: 'host-variable-unreadable',
  severity: 'notice',
  appliesIn: 'always',
  title: "A host's variable could not be judged",
  explanation:
    'A variable is present in the host\'s project but its value cannot be read: Vercel "sensitive" variables and Netlify secret values are write-only. Its presence counts (a missing key is not reported), but no rule can judge its value. Also: production variables a Vercel token may not see, and a linked project the gate could not read for want of a token.',
  fix: "To have the value judged, pass it to the gate another way (secrets-json), or check it by hand in the host's settings.",
  messages: {
    sensitive: '{{name}} is present in {{where}}, value not readable ({{why}}).',
    hidden: '{{count}} production variables of {{where}} are not visible to the token, so they were not checked.',
    notLinked:
      '{{file}} links this directory to a {{host}} project, but {{token}} is not set: its variables were not read.',
    noProject: '{{token}} is set but no {{host}} project is named: its variables were not read.',
    notLinkedFix:
      "Set {{token}} to a read-only token (see the README) to read the project's variables, or ignore this notice.",
    noProjectFix: "Set {{input}} (or commit the link file the host CLI writes) to read the project's variables."
  }
});

export const HOST_RULES: readonly RuleMeta[] = [hostApiError, hostVariableUnreadable];
