import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

/** Times a rate-limited call is tried again. */
const MAX_RETRIES = 2;

/**
 * Octokit for the pull-request comment and the check run: GitHub's API at `GITHUB_API_URL` (GitHub Enterprise
 * Server, ghe.com), retried on server errors (plugin-retry) and on rate limits, honouring `retry-after`
 * (plugin-throttling). 429 is left to the throttling plugin, which reads `retry-after`.
 */
export function makeOctokit(token: string, apiUrl: string | undefined): Octokit {
  return getOctokit(
    token,
    {
      ...(apiUrl && { baseUrl: apiUrl }),
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        onRateLimit: (_retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          retryCount < MAX_RETRIES,
        onSecondaryRateLimit: (_retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          retryCount < MAX_RETRIES
      }
    },
    retry,
    throttling
  );
}
