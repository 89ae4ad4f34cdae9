import { relative, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { plural } from '../core/plural.js';
import type { Report } from '../core/report.js';
import { payloadPullRequest, type GitHubEvent } from './event.js';
import type { Octokit } from './octokit.js';

/** GitHub takes at most 50 annotations a request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** A check run's summary holds at most 65,535 characters. */
const MAX_SUMMARY = 65_535;

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

/**
 * One check run per environment on the pull request's head (or `GITHUB_SHA`), its conclusion the verdict, with an
 * annotation for every finding at a file:line, sent 50 a request. Needs `checks: write`.
 */
export async function writeCheckRun(
  octokit: Octokit,
  event: GitHubEvent,
  report: Report,
  summary: string,
  paths: { cwd: string; workspace: string }
): Promise<string> {
  const annotations = report.findings.flatMap((f) => annotation(f, paths));
  const output = (batch: typeof annotations) => ({
    title: report.passed
      ? 'Passed'
      : `${plural(report.summary.errors, 'error')}, ${plural(report.summary.warnings, 'warning')}`,
    summary: summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY - 40)}\n\n…(see the job summary)` : summary,
    annotations: batch
  });
  const { data } = await octokit.rest.checks.create({
    owner: event.owner,
    repo: event.repo,
    name: `Clerk production gate (${report.environment})`,
    head_sha: payloadPullRequest(event)?.headSha ?? event.sha,
    status: 'completed',
    conclusion: report.passed ? 'success' : 'failure',
    output: output(annotations.slice(0, ANNOTATIONS_PER_REQUEST))
  });
  for (let i = ANNOTATIONS_PER_REQUEST; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    await octokit.rest.checks.update({
      owner: event.owner,
      repo: event.repo,
      check_run_id: data.id,
      output: output(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
    });
  }
  return data.html_url ?? '';
}

function annotation(f: Finding, paths: { cwd: string; workspace: string }) {
  if (f.suppressed || f.origin.kind !== 'file') return [];
  return [
    {
      path: relative(paths.workspace, resolve(paths.cwd, f.origin.file)).split('\\').join('/'),
      start_line: f.origin.line,
      end_line: f.origin.line,
      annotation_level: f.shadowedBy ? ('notice' as const) : LEVEL[f.severity],
      title: `${f.rule}: ${f.variable}`,
      message: `${f.message}\nValue: ${f.value}\nFix: ${f.fix}`
    }
  ];
}
