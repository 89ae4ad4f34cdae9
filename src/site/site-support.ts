import type { CheckResult } from '../core/check.js';
import type { Finding } from '../core/finding.js';
import type { Scrubber } from '../core/scrub.js';
import type { Deadline } from '../net/deadline.js';
import type { Hit } from '../rules/rule.js';
import { SITE_RULES } from '../rules/site.js';

/**
 * What the engine knows of the deployed-site check without loading it (undici, the HTML parser): its settings and
 * result. The check itself (site/check-site.ts) comes from the shell, as the online checks do.
 */
export interface SiteSettings {
  url: string;
  /** Vercel Deployment Protection bypass secret. Never printed. */
  bypass?: string;
  timeoutMs: number;
  /** The run's deadline, which the check's own one (4 × timeoutMs) never passes. */
  deadline?: Deadline;
  /** `ip[:port]` of the `dns-servers` setting; the system's resolver when empty. */
  dnsServers?: readonly string[];
  onApiError: 'fail' | 'warn';
  isProduction: boolean;
  /** The publishable keys the gate read from the variables, to compare with the deployed one. */
  expectedKeys: readonly { name: string; value: string }[];
  /** The run's scrubber, for every text the network stack gives. */
  scrubber?: Scrubber;
}

export interface SiteResult {
  hits: Hit[];
  /** The checklist lines, given the findings made of `hits`. */
  checklist(findings: readonly Finding[]): CheckResult[];
  /** Secret keys found, for log masking. Never printed. */
  secrets: string[];
}

export type SiteCheck = (settings: SiteSettings) => Promise<SiteResult>;

/** Every deployed-site check skipped, for one reason. */
export function skippedSite(reason: string): SiteResult {
  const checks = SITE_RULES.map((m): CheckResult => ({ id: m.id, title: m.title, status: 'skipped', detail: reason }));
  return { hits: [], checklist: () => checks, secrets: [] };
}
