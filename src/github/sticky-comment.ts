import type { Comment, CommentMemory } from '../reporters/pr-comment.js';
import { markerPrefix, readMemory } from '../reporters/pr-comment.js';
import type { GitHubEvent } from './event.js';
import type { Octokit } from './octokit.js';
import { deadlineSignal, readPages, type PageLimits } from './pages.js';

/** The login GitHub Actions' own token comments as, when the token cannot say who it is. */
const ACTIONS_BOT = 'github-actions[bot]';

export interface StickyResult {
  url: string;
  /** Created or edited; false when the report was unchanged. */
  written: boolean;
}

/**
 * Writes the environment's comment on one pull request: edits ours in place (found by its marker and its author,
 * the token's own login), or creates it. A copy of the marker in someone else's comment is never edited. An
 * unchanged report is not written again.
 */
export async function writeStickyComment(
  octokit: Octokit,
  event: GitHubEvent,
  pullRequest: number,
  login: string,
  environment: string,
  build: (previous: CommentMemory | undefined) => Comment,
  options: { onlyUpdate: boolean; limits: PageLimits }
): Promise<StickyResult | undefined> {
  const where = { owner: event.owner, repo: event.repo, issue_number: pullRequest };
  const { items: comments, cut } = await readPages(
    octokit,
    (signal) => octokit.rest.issues.listComments({ ...where, per_page: 100, request: { signal } }),
    options.limits
  );
  const prefix = markerPrefix(environment);
  const ours = comments.find((c) => c.user?.login === login && (c.body ?? '').includes(prefix));
  // Ours may be on a page not read: a new comment could be a second one.
  if (!ours && cut !== undefined) throw new Error(`its comments were not all read (${cut}): no comment written`);
  if (!ours && options.onlyUpdate) return undefined;
  const comment = build(ours ? readMemory(ours.body ?? '', environment) : undefined);
  if (ours && comment.unchanged) return { url: ours.html_url, written: false };
  const request = { signal: deadlineSignal(options.limits.deadline) };
  if (ours) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: event.owner,
      repo: event.repo,
      comment_id: ours.id,
      body: comment.body,
      request
    });
    return { url: data.html_url, written: true };
  }
  const { data } = await octokit.rest.issues.createComment({ ...where, body: comment.body, request });
  return { url: data.html_url, written: true };
}

/**
 * The token's own login, which its comments carry: GraphQL `viewer` answers for GITHUB_TOKEN, app and personal
 * tokens; when it cannot, GitHub Actions' bot.
 */
export async function tokenLogin(octokit: Octokit, graphqlUrl: string | undefined): Promise<string> {
  try {
    const query = 'query { viewer { login } }';
    const parameters = graphqlUrl ? { query, url: graphqlUrl } : { query };
    const data = await octokit.graphql<{ viewer?: { login?: unknown } }>(parameters);
    return typeof data.viewer?.login === 'string' && data.viewer.login !== '' ? data.viewer.login : ACTIONS_BOT;
  } catch {
    return ACTIONS_BOT;
  }
}
