import { readFileSync } from 'node:fs';

/** What the runner says about the event that started the job. */
export interface GitHubEvent {
  name: string;
  owner: string;
  repo: string;
  /** `GITHUB_SHA`. */
  sha: string;
  payload: Record<string, unknown>;
  serverUrl: string;
  runId?: string;
}

/** From the runner's variables; undefined outside a workflow (no repository). */
export function readEvent(env: Record<string, string | undefined>): GitHubEvent | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      const data = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
      if (data && typeof data === 'object') payload = data as Record<string, unknown>;
    } catch {
      // An unreadable payload: no pull request from it; the commits lookup still works.
    }
  }
  return {
    name: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    payload,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    ...(env.GITHUB_RUN_ID && { runId: env.GITHUB_RUN_ID })
  };
}

/** `https://github.com/owner/repo/actions/runs/123`, when the run is known. */
export function runUrl(event: GitHubEvent): string | undefined {
  return event.runId ? `${event.serverUrl}/${event.owner}/${event.repo}/actions/runs/${event.runId}` : undefined;
}

/** The pull request of a `pull_request` / `pull_request_target` payload. */
export function payloadPullRequest(event: GitHubEvent): { number: number; headSha?: string } | undefined {
  const pr = event.payload.pull_request as { number?: unknown; head?: { sha?: unknown } } | undefined;
  if (typeof pr?.number !== 'number') return undefined;
  return { number: pr.number, ...(typeof pr.head?.sha === 'string' && { headSha: pr.head.sha }) };
}
