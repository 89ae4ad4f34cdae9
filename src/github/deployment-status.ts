import * as z from 'zod/mini';
import { once } from '../core/memo.js';
import { readEventPayload } from './event.js';

/** GitHub's Vercel app (`performed_via_github_app.slug`) and its bot account (`creator.login`). */
const VERCEL_APP_SLUG = 'vercel';
const VERCEL_BOT_LOGIN = 'vercel[bot]';

/** The parts of a `deployment_status` payload the gate uses (GitHub's webhook docs; optional ones may be absent). */
const deploymentStatusPayload = once(() => {
  const Actor = z.optional(z.nullable(z.object({ login: z.optional(z.string()) })));
  const App = z.optional(z.nullable(z.object({ slug: z.optional(z.string()) })));
  return z.object({
    deployment_status: z.object({
      state: z.optional(z.string()),
      environment_url: z.optional(z.nullable(z.string())),
      target_url: z.optional(z.nullable(z.string())),
      environment: z.optional(z.string()),
      creator: Actor,
      performed_via_github_app: App
    }),
    deployment: z.optional(
      z.object({
        environment: z.optional(z.string()),
        production_environment: z.optional(z.boolean()),
        creator: Actor,
        performed_via_github_app: App
      })
    )
  });
});

export interface DeploymentStatus {
  /** `environment_url`, else `target_url`; undefined when neither is set. */
  url?: string;
  /** The deployment's environment (`Production`, `Preview`, `Production – my-app` from Vercel). */
  environment?: string;
  /** GitHub's `production_environment`, or a name that says production. */
  isProduction: boolean;
  /** Created by Vercel's GitHub app, or its URL is on `*.vercel.app`: a deployment the bypass secret is for. */
  isVercel: boolean;
}

/**
 * What a `deployment_status` event says about the deploy that finished: where it is and which environment. Vercel,
 * Netlify and others send this event when a deploy is done. An unreadable or unexpected payload gives nothing
 * (the inputs then decide), never a crash. A payload file that cannot be read at all (not a regular file, over
 * GitHub's 25 MB, not JSON) is an InputError naming it: the run would otherwise judge without the deploy's URL and
 * environment, which this event is there to give.
 */
export function readDeploymentStatus(eventPath: string | undefined): DeploymentStatus | undefined {
  if (!eventPath) return undefined;
  const parsed = deploymentStatusPayload().safeParse(readEventPayload(eventPath));
  if (!parsed.success) return undefined;
  const { deployment_status: status, deployment } = parsed.data;
  const url = [status.environment_url, status.target_url].find((u): u is string => typeof u === 'string' && u !== '');
  const environment = deployment?.environment ?? status.environment;
  // Vercel names a project's environments `Production – <project>` when a repository has several projects.
  const namedProduction = environment !== undefined && /^production(\s|$)/i.test(environment.trim());
  const byVercel = [status, deployment].some(
    (made) => made?.performed_via_github_app?.slug === VERCEL_APP_SLUG || made?.creator?.login === VERCEL_BOT_LOGIN
  );
  return {
    ...(url !== undefined && { url }),
    ...(environment !== undefined && { environment }),
    isProduction: deployment?.production_environment === true || namedProduction,
    isVercel: byVercel || (url !== undefined && onVercelApp(url))
  };
}

/** An https URL on a `*.vercel.app` host, Vercel's deployment domain. */
function onVercelApp(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.endsWith('.vercel.app');
  } catch {
    return false;
  }
}
