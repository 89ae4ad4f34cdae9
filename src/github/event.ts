import { InputError } from '../core/errors.js';
import { readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';

/** The runner's context of the run, read once from its variables by the action's shell. */
export interface GitHubContext {
  /** `GITHUB_EVENT_NAME`. */
  eventName: string;
  /** `GITHUB_EVENT_PATH`: the webhook payload. */
  eventPath?: string;
  /** `GITHUB_REPOSITORY`, split; empty outside a workflow. */
  owner: string;
  repo: string;
  /** `GITHUB_SHA`. */
  sha: string;
  /** `GITHUB_SERVER_URL`, no trailing slash (default https://github.com). */
  serverUrl: string;
  /** `GITHUB_API_URL`, `GITHUB_GRAPHQL_URL` (GitHub Enterprise Server, ghe.com). */
  apiUrl?: string;
  graphqlUrl?: string;
  /** `GITHUB_RUN_ID`. */
  runId?: string;
  /** `GITHUB_WORKSPACE`, `RUNNER_TEMP`, `GITHUB_STEP_SUMMARY`. */
  workspace?: string;
  runnerTemp?: string;
  stepSummary?: string;
}

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
  /** Why the payload file could not be read (then `payload` is empty), naming the file. */
  unreadable?: string;
}

/** GitHub caps a webhook payload at 25 MB: a larger event file is not one GitHub wrote. */
const MAX_EVENT_BYTES = 25 * 1024 * 1024;

/**
 * The parsed JSON of the webhook payload file `GITHUB_EVENT_PATH` names: a regular file only (a FIFO or a device
 * there never blocks the run), at most 25 MB. Throws InputError naming the file when it cannot be read or parsed.
 */
export function readEventPayload(eventPath: string): unknown {
  const label = `GITHUB_EVENT_PATH (${eventPath})`;
  let text: string;
  try {
    const read = readRegularFile(eventPath, MAX_EVENT_BYTES);
    if (read.overCap) {
      throw new InputError(
        `${label}: larger than ${sizeInWords(MAX_EVENT_BYTES)}, GitHub's cap on a webhook payload (not read)`
      );
    }
    text = read.bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UnreadableFile) throw new InputError(`${label}: ${error.reason}`);
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(`${label}: not JSON`);
  }
}

/** The event with its payload; undefined outside a workflow (no repository). */
export function readEvent(context: GitHubContext): GitHubEvent | undefined {
  if (!context.owner || !context.repo) return undefined;
  let payload: Record<string, unknown> = {};
  let unreadable: string | undefined;
  if (context.eventPath) {
    try {
      const data = readEventPayload(context.eventPath);
      if (data && typeof data === 'object') payload = data as Record<string, unknown>;
    } catch (error) {
      // An unreadable payload: no pull request from it; the commits lookup still works.
      if (!(error instanceof InputError)) throw error;
      unreadable = error.message;
    }
  }
  return {
    name: context.eventName,
    owner: context.owner,
    repo: context.repo,
    sha: context.sha,
    payload,
    serverUrl: context.serverUrl,
    ...(context.runId && { runId: context.runId }),
    ...(unreadable !== undefined && { unreadable })
  };
}

/** `https://github.com/owner/repo/actions/runs/123`, when the run is known. */
export function runUrl(event: Pick<GitHubEvent, 'serverUrl' | 'owner' | 'repo' | 'runId'>): string | undefined {
  return event.runId && event.owner && event.repo
    ? `${event.serverUrl}/${event.owner}/${event.repo}/actions/runs/${event.runId}`
    : undefined;
}

/** The pull request of a `pull_request` / `pull_request_target` payload. */
export function payloadPullRequest(event: GitHubEvent): { number: number; headSha?: string } | undefined {
  const pr = event.payload.pull_request as { number?: unknown; head?: { sha?: unknown } } | undefined;
  if (typeof pr?.number !== 'number') return undefined;
  return { number: pr.number, ...(typeof pr.head?.sha === 'string' && { headSha: pr.head.sha }) };
}
