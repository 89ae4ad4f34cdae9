import { payloadPullRequest, type GitHubEvent } from './event.js';
import type { Octokit } from './octokit.js';

/**
 * The pull requests a run reports to: the `pr-number` input; else the pull request of a `pull_request` /
 * `pull_request_target` event; else the open pull requests whose head is `GITHUB_SHA`
 * (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`), for `push`, `workflow_dispatch`, `deployment` and the rest.
 */
export async function pullRequestsOf(event: GitHubEvent, octokit: Octokit, prNumber?: number): Promise<number[]> {
  if (prNumber !== undefined) return [prNumber];
  const fromPayload = payloadPullRequest(event);
  if (fromPayload) return [fromPayload.number];
  if (!event.sha) return [];
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    owner: event.owner,
    repo: event.repo,
    commit_sha: event.sha
  });
  return data.filter((pr) => pr.state === 'open').map((pr) => pr.number);
}
