import { payloadPullRequest, type GitHubEvent } from './event.js';
import type { Octokit } from './octokit.js';
import { readPages, type PageLimits } from './pages.js';

/**
 * The pull requests a run reports to: the `pr-number` input; else the pull request of a `pull_request` /
 * `pull_request_target` event; else the open pull requests whose head is `GITHUB_SHA`
 * (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`), for `push`, `workflow_dispatch`, `deployment` and the rest,
 * read within `limits`; `cut` says why that list was not read to its end.
 */
export async function pullRequestsOf(
  event: GitHubEvent,
  octokit: Octokit,
  limits: PageLimits,
  prNumber?: number
): Promise<{ numbers: number[]; cut?: string }> {
  if (prNumber !== undefined) return { numbers: [prNumber] };
  const fromPayload = payloadPullRequest(event);
  if (fromPayload) return { numbers: [fromPayload.number] };
  if (!event.sha) return { numbers: [] };
  const sha = event.sha;
  const { items, cut } = await readPages(
    octokit,
    (signal) =>
      octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner: event.owner,
        repo: event.repo,
        commit_sha: sha,
        per_page: 100,
        request: { signal }
      }),
    limits
  );
  const numbers = items.filter((pr) => pr.state === 'open').map((pr) => pr.number);
  return { numbers, ...(cut !== undefined && { cut }) };
}
