/**
 * The GitHub Action shell over the engine: inputs → gate → masking, summary, annotations, outputs.
 * Exit code: 0 passed, 1 the gate failed, 2 input error (the runner shows any non-zero as failed).
 */
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readActionOptions } from './action-inputs.js';
import { runUrl, type GitHubContext } from './github/event.js';
import type { Published } from './github/publish.js';
import { describeError, EXIT_FAILED, EXIT_PASSED, EXIT_USAGE } from './core/errors.js';
import { Scrubber } from './core/scrub.js';
import type { Report } from './core/report.js';
import { parseGateOptions, type GateOptionsInput } from './engine/options.js';
import { runGate } from './engine/run-gate.js';
import { runDeadline } from './net/deadline.js';
import { readGitHubContext, readShellEnvironment } from './shell-environment.js';
import { planAnnotations } from './reporters/annotations.js';
import { renderDiagnostics } from './reporters/diagnostics.js';
import { renderJson } from './reporters/json.js';
import { renderMarkdown } from './reporters/markdown.js';
import { buildOutputs } from './reporters/outputs.js';
import { renderText } from './reporters/text.js';
import { withoutCommands } from './reporters/workflow-commands.js';
import { RULE_METAS } from './rules/index.js';
import { loadChecks } from './load-checks.js';

export async function run(
  env: Record<string, string | undefined> = process.env,
  scrubber: Scrubber = new Scrubber()
): Promise<number> {
  // Every secret of the run in one place, for every message that quotes an outside answer: the GitHub token here,
  // the gate adds the host tokens, the bypass secret and every secret it finds.
  try {
    // The environment, read once: the runner's context, the options' environment defaults.
    const shell = readShellEnvironment(env);
    const github = readGitHubContext(env);
    const { gate: options, publishing } = readActionOptions(shell, github);
    scrubber.add([publishing.token]);
    const workspace = github.workspace ?? options.cwd;
    // The report: scanned here, or (fork-safe recipe) read from an earlier run's JSON report.
    const report = publishing.fromReport
      ? await (await import('./github/from-report.js')).readReportFile(publishing.fromReport, workspace, RULE_METAS)
      : await scan(options, scrubber);

    // The human report echoes paths and names from the input: no line of it may act as a workflow command.
    core.info(withoutCommands(renderText(report, { color: false }) + renderDiagnostics(report)).trimEnd());
    const reportFile = join(github.runnerTemp ?? options.cwd, 'clerk-production-gate-report.json');
    await writeFile(reportFile, renderJson(report));
    const summary = renderMarkdown(report, RULE_METAS, {
      ...(runUrl(github) && { runUrl: runUrl(github) }),
      fullReport: 'the JSON report (output report-file)'
    });
    await writeSummary(github, summary);
    if (!publishing.fromReport) annotate(report, options.cwd, workspace);
    for (const [name, value] of Object.entries(buildOutputs(report, reportFile))) core.setOutput(name, value);
    // The pull request last: whatever happens there, the verdict, outputs and summary are already settled.
    // Octokit is loaded only for a run that posts. Publishing has its own deadline, the run's budget
    // (runDeadline: 8 × api-timeout) counted from here: the checks may have spent theirs, and the comment must
    // still go out; every GitHub call, retry and page ends by it.
    const published: Published =
      publishing.comment === 'never' && !publishing.checkRun
        ? { commentUrl: '', pullRequests: [] }
        : await (
            await import('./github/publish.js')
          ).publish(report, RULE_METAS, publishing, {
            github,
            summary,
            cwd: options.cwd,
            workspace,
            deadline: runDeadline(parseGateOptions(options).apiTimeoutMs),
            scrubber
          });
    core.setOutput('comment-url', published.commentUrl);
    core.setOutput('pull-requests', published.pullRequests.join(','));

    if (report.passed) return EXIT_PASSED;
    core.setFailed(
      `Clerk production gate failed: ${report.summary.errors} errors, ${report.summary.warnings} warnings.`
    );
    return EXIT_FAILED;
  } catch (error) {
    core.setFailed(describeError(error, scrubber));
    return EXIT_USAGE;
  }
}

/** Runs the gate, and masks every secret it found before anything is written. */
async function scan(options: GateOptionsInput, scrubber: Scrubber): Promise<Report> {
  const { report, secrets } = await runGate(options, { ...(await loadChecks(options)), scrubber });
  for (const secret of secrets) core.setSecret(secret);
  return report;
}

/** The job summary; a runner without one (or a file that cannot be written) costs a warning, not the verdict. */
async function writeSummary(github: GitHubContext, markdown: string): Promise<void> {
  if (!github.stepSummary) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.summary.emptyBuffer();
    core.warning(`The job summary was not written: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Annotation paths are relative to the repository root, not the working directory. */
function annotate(report: Report, cwd: string, workspace: string): void {
  for (const annotation of planAnnotations(report)) {
    const { level, message, title, file, startLine, startColumn } = annotation;
    const properties: core.AnnotationProperties = { title };
    if (file) {
      properties.file = relative(workspace, resolve(cwd, file)).split('\\').join('/');
      properties.startLine = startLine;
      properties.startColumn = startColumn;
    }
    if (level === 'error') core.error(message, properties);
    else if (level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}
