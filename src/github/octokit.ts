import { HttpClient } from '@actions/http-client';
import { Octokit as OctokitCore } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Deadline } from '../net/deadline.js';
import { netFetch } from '../net/fetch.js';

/**
 * Octokit with the plugins @actions/github's `getOctokit` adds (REST methods, pagination), plus retry and
 * throttling. Built from @octokit/core, not through @actions/github: importing that module builds its `context`,
 * which reads the whole file GITHUB_EVENT_PATH names with readFileSync, unbounded, and blocks on a FIFO. The gate
 * reads the payload itself (github/event.ts: a regular file, capped).
 */
function octokitClass(deadline: Deadline) {
  return OctokitCore.plugin(restEndpointMethods, paginateRest, retriesWithin(deadline), retry, throttling);
}

export type Octokit = InstanceType<ReturnType<typeof octokitClass>>;

/**
 * plugin-retry pauses (retry n + 1)² s before retry n + 1, whatever time is left. Registered before it, this hook sees
 * each failed attempt first and allows no more retries when the next pause would end past the deadline.
 */
function retriesWithin(deadline: Deadline) {
  return (octokit: OctokitCore): void => {
    octokit.hook.error('request', (error, options) => {
      const request = options.request as { retryCount?: number; retries?: number } | undefined;
      const pauseMs = ((request?.retryCount ?? 0) + 1) ** 2 * 1000;
      if (request && pauseMs >= deadline.remainingMs()) request.retries = 0;
      throw error;
    });
  };
}

/** Times a rate-limited call is tried again. */
const MAX_RETRIES = 2;
/** Each GitHub call (headers and body), within the publishing deadline. */
const CALL_TIMEOUT_MS = 30_000;
/** The largest answer read (a page of comments or pull requests is far smaller). */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Octokit for the pull-request comment and the check run: GitHub's API at `GITHUB_API_URL` (GitHub Enterprise
 * Server, ghe.com), retried on server errors (plugin-retry) and on rate limits, honouring `retry-after`
 * (plugin-throttling). 429 is left to the throttling plugin, which reads `retry-after`. Requests go through the
 * gate's `netFetch` (30 s a call, all of them within `deadline`, capped bodies, guarded redirects), through the
 * runner's proxy when `HTTPS_PROXY` names one, as @actions/github would.
 */
export function makeOctokit(token: string, apiUrl: string | undefined, deadline: Deadline): Octokit {
  const baseUrl = apiUrl ?? 'https://api.github.com';
  const GateOctokit = octokitClass(deadline);
  return new GateOctokit({
    // The scheme @actions/github uses for a token.
    auth: `token ${token}`,
    baseUrl,
    userAgent: 'clerk-production-gate',
    request: { fetch: githubFetch(baseUrl, deadline) },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      // A rate limit is waited out only when the wait (`retryAfter`, in seconds) ends before the deadline.
      onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount < MAX_RETRIES && retryAfter * 1000 < deadline.remainingMs(),
      onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount < MAX_RETRIES && retryAfter * 1000 < deadline.remainingMs()
    }
  });
}

function githubFetch(baseUrl: string, deadline: Deadline) {
  const proxy = new HttpClient().getAgentDispatcher(baseUrl);
  return netFetch({
    timeoutMs: CALL_TIMEOUT_MS,
    deadline,
    maxBytes: MAX_BYTES,
    ...(proxy && { dispatcher: proxy })
  });
}
