import { devFrontendApi } from './dev-frontend-api.js';
import { devOnlySetting } from './dev-only-setting.js';
import { devPublishableKey } from './dev-publishable-key.js';
import { devSecretKey } from './dev-secret-key.js';
import { devUrl } from './dev-url.js';
import { invalidKey } from './invalid-key.js';
import { keyEnvironmentMismatch } from './key-environment-mismatch.js';
import { liveKeyOutsideProduction } from './live-key-outside-production.js';
import { missingKey } from './missing-key.js';
import { BUNDLE_RULES, SITE_RULES } from '../artifacts/artifact-rules.js';
import { HOST_RULES } from '../hosts/host-rules.js';
import { ONLINE_RULES } from '../online/online-rules.js';
import type { Rule, RuleMeta } from './rule.js';
import { secretInPublicVariable } from './secret-in-public-variable.js';

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
