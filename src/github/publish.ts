import * as core from '@actions/core';
import type { Scrubber } from '../core/scrub.js';
import type { Deadline } from '../net/deadline.js';
import type { Report } from '../core/report.js';
import { buildComment } from '../reporters/pr-comment.js';
import type { RuleMeta } from '../rules/rule.js';
import { writeCheckRun } from './check-run.js';
import { readEvent, runUrl, type GitHubContext, type GitHubEvent } from './event.js';
import { makeOctokit, type Octokit } from './octokit.js';
import { pullRequestsOf } from './pull-requests.js';
import { tokenLogin, writeStickyComment } from './sticky-comment.js';

export interface PublishSettings {
  token: string;
  comment: 'always' | 'on-failure' | 'never';
  prNumber?: number;
  checkRun: boolean;
}

export interface Published {
  commentUrl: string;
  pullRequests: number[];
}

/** Statuses that mean the token may not comment here: a fork's read-only token, a missing permission. */
const PERMISSION_STATUSES = new Set([403, 404, 422]);
/** A pull request's comments are read 100 a page: up to 5,000. */
const MAX_COMMENT_PAGES = 50;
/** The pull requests of a commit, 100 a page: up to 1,000. */
const MAX_PULL_PAGES = 10;

/**
 * The report on the pull request: one sticky comment per environment (and a check run, when asked). Whatever
 * happens here is a warning at most: the verdict, exit code, outputs and job summary never depend on it. Every
 * GitHub call, retry and page read ends by `context.deadline`.
 */
export async function publish(
  report: Report,
  rules: ReadonlyMap<string, RuleMeta>,
  settings: PublishSettings,
  context: {
    github: GitHubContext;
    summary: string;
    cwd: string;
    workspace: string;
    deadline: Deadline;
    /** The run's scrubber: GitHub's error texts may quote any secret of the run. */
    scrubber: Scrubber;
  }
): Promise<Published> {
  const published: Published = { commentUrl: '', pullRequests: [] };
  if (settings.comment === 'never' && !settings.checkRun) return published;
  const event = readEvent(context.github);
  if (!event) {
    core.notice('Not in a GitHub workflow (no GITHUB_REPOSITORY): nothing posted to a pull request.');
    return published;
  }
  if (event.unreadable !== undefined) core.warning(`${event.unreadable}: the pull request is looked up by commit.`);
  if (!settings.token) {
    core.warning('No github-token: nothing posted to the pull request.');
    return published;
  }
  core.setSecret(settings.token);
  context.scrubber.add([settings.token]);
  const octokit = makeOctokit(settings.token, context.github.apiUrl, context.deadline);
  const failures: string[] = [];
  let permission = false;
  const failed = (what: string, error: unknown): void => {
    const status = (error as { status?: unknown }).status;
    const message = context.scrubber.scrub(((error as Error).message ?? String(error)).split('\n')[0] ?? '');
    failures.push(`${what}: ${typeof status === 'number' ? `${status} ` : ''}${message}`);
    if (typeof status === 'number' && PERMISSION_STATUSES.has(status)) permission = true;
  };

  // Every call, retry and page of publishing ends by the deadline the shell gave (see main.ts).
  const deadline = context.deadline.at;
  if (settings.checkRun) {
    try {
      await writeCheckRun(octokit, event, report, context.summary, context);
    } catch (error) {
      failed('the check run', error);
    }
  }
  if (settings.comment !== 'never') {
    await comment(report, rules, settings, {
      octokit,
      event,
      graphqlUrl: context.github.graphqlUrl,
      deadline,
      published,
      failed
    });
  }
  if (failures.length > 0) warnNotPosted(failures, permission);
  return published;
}

/** One warning for everything that could not be posted; a permission failure says which permissions are needed. */
function warnNotPosted(failures: readonly string[], permission: boolean): void {
  const hint = permission
    ? ' The token needs `pull-requests: write` (and `checks: write` for check-run); on a pull request from a fork it is read-only: use the fork-safe recipe in the README (from-report).'
    : '';
  core.warning(`Not posted to the pull request: ${failures.join('; ')}.${hint}`);
}

interface CommentContext {
  octokit: Octokit;
  event: GitHubEvent;
  graphqlUrl: string | undefined;
  deadline: number;
  published: Published;
  failed: (what: string, error: unknown) => void;
}

/** The sticky comment on each pull request of the run; the lists it reads are bounded by pages and the deadline. */
async function comment(
  report: Report,
  rules: ReadonlyMap<string, RuleMeta>,
  settings: PublishSettings,
  { octokit, event, graphqlUrl, deadline, published, failed }: CommentContext
): Promise<void> {
  let numbers: number[] = [];
  let failedToFind = false;
  try {
    const found = await pullRequestsOf(event, octokit, { maxPages: MAX_PULL_PAGES, deadline }, settings.prNumber);
    numbers = found.numbers;
    if (found.cut !== undefined) {
      core.warning(
        `The pull requests of commit ${event.sha} were not all read (${found.cut}): commenting on those found.`
      );
    }
  } catch (error) {
    failed('finding the pull request', error);
    failedToFind = true;
  }
  if (numbers.length === 0 && !failedToFind)
    core.notice(`No pull request for this ${event.name || 'run'}: no comment posted.`);
  const login = numbers.length > 0 ? await tokenLogin(octokit, graphqlUrl) : '';
  const link = runUrl(event);
  for (const number of numbers) {
    try {
      const result = await writeStickyComment(
        octokit,
        event,
        number,
        login,
        report.environment,
        (previous) =>
          buildComment(report, rules, {
            environment: report.environment,
            ...(link && { runUrl: link }),
            ...(previous && { previous })
          }),
        // With on-failure, a passing run only updates a comment already there, so no stale ❌ stays.
        {
          onlyUpdate: settings.comment === 'on-failure' && report.passed,
          limits: { maxPages: MAX_COMMENT_PAGES, deadline }
        }
      );
      if (result) {
        published.pullRequests.push(number);
        published.commentUrl ||= result.url;
      }
    } catch (error) {
      failed(`the comment on #${number}`, error);
    }
  }
}
