import { devFrontendApi } from './variables/dev-frontend-api.js';
import { devOnlySetting } from './variables/dev-only-setting.js';
import { devPublishableKey } from './variables/dev-publishable-key.js';
import { devSecretKey } from './variables/dev-secret-key.js';
import { devUrl } from './variables/dev-url.js';
import { invalidKey } from './variables/invalid-key.js';
import { keyEnvironmentMismatch } from './variables/key-environment-mismatch.js';
import { liveKeyOutsideProduction } from './variables/live-key-outside-production.js';
import { missingKey } from './variables/missing-key.js';
import { BUNDLE_RULES } from './bundle.js';
import { SITE_RULES } from './site.js';
import { HOST_RULES } from './hosts.js';
import { ONLINE_RULES } from './online.js';
import type { Rule, RuleMeta } from './rule.js';
import { secretInPublicVariable } from './variables/secret-in-public-variable.js';

/** Every offline rule, in the order the checklist shows them. */
export const RULES: readonly Rule[] = [
  devSecretKey,
  devPublishableKey,
  devFrontendApi,
  invalidKey,
  keyEnvironmentMismatch,
  secretInPublicVariable,
  devUrl,
  devOnlySetting,
  missingKey,
  liveKeyOutsideProduction
];

/** Every rule's metadata, offline, online and on build output and the deployed site: for reports, docs and `ignore`. */
export const RULE_METAS: ReadonlyMap<string, RuleMeta> = new Map(
  [...RULES.map((rule) => rule.meta), ...ONLINE_RULES, ...BUNDLE_RULES, ...SITE_RULES, ...HOST_RULES].map((meta) => [
    meta.id,
    meta
  ])
);

export const RULE_IDS: readonly string[] = [...RULE_METAS.keys()];
