import type { GateHooks } from './engine/run-gate.js';
import { needsGlobs } from './sources/glob-support.js';

type Checks = Pick<GateHooks, 'globs' | 'online' | 'site' | 'hosts'>;

/**
 * The checks a run uses, loaded only then, by both shells: a run pays at start-up only for what it does (each is
 * a chunk of its own in dist/).
 * - glob support when a path needs it (the library is a third of the CLI bundle, and most runs name paths);
 * - the online checks (undici, TLS, DNS) for a run that goes online;
 * - the deployed-site check when there is a site to read;
 * - the hosts' SDKs when a host token is there.
 */
export async function loadChecks(options: {
  offline?: boolean;
  paths?: string[];
  deploymentUrl?: string;
  vercelToken?: string;
  netlifyToken?: string;
}): Promise<Checks> {
  const offline = options.offline === true;
  const globs = needsGlobs(options.paths ?? ['.']) ? (await import('./sources/glob.js')).globs : undefined;
  if (globs) await boundYoungGeneration();
  const online = offline ? undefined : (await import('./online/run-online.js')).runOnlineChecks;
  const site = offline || !options.deploymentUrl ? undefined : (await import('./site/check-site.js')).checkSite;
  const hostsWanted = !offline && Boolean(options.vercelToken || options.netlifyToken);
  const hosts = hostsWanted ? (await import('./hosts/read-hosts.js')).readHosts : undefined;
  return { globs, online, site, hosts };
}

/**
 * Before walking a glob, which may match any number of files, keep V8's young generation at its starting size
 * instead of letting it grow to 16 MiB a semi-space: the gate allocates short-lived objects for every file, and a
 * young generation grown during the walk stays grown (see bench/README.md). A GC heuristic read at each
 * collection, so setting it after start-up is safe; node:v8 is imported only then.
 */
async function boundYoungGeneration(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
}
