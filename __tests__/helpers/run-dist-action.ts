import { runProcess } from './spawn-process.js';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/** The repository root (this file is `__tests__/helpers/run-dist-action.ts`). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PAYLOADS = join(REPO_ROOT, '__tests__/fixtures/github');

/** A workflow trigger: `GITHUB_EVENT_NAME` and the webhook payload file `GITHUB_EVENT_PATH` names. */
export interface GitHubEvent {
  name: string;
  path: string;
}

/** The vendored octokit/webhooks payload examples (see `__tests__/fixtures/github/SOURCES.md`). */
export const EVENTS = {
  pullRequestOpened: { name: 'pull_request', path: join(PAYLOADS, 'pull_request/opened.payload.json') },
  pullRequestSynchronize: { name: 'pull_request', path: join(PAYLOADS, 'pull_request/synchronize.payload.json') },
  /** A tag push that deletes the tag (`after` is 40 zeros). */
  pushTagDeleted: { name: 'push', path: join(PAYLOADS, 'push/payload.json') },
  pushNewBranch: { name: 'push', path: join(PAYLOADS, 'push/with-new-branch.payload.json') },
  workflowDispatch: { name: 'workflow_dispatch', path: join(PAYLOADS, 'workflow_dispatch/payload.json') }
} satisfies Record<string, GitHubEvent>;

export interface DistActionOptions {
  /** Node binary to run the bundle with (default: the one running the tests). */
  node?: string;
  /** The bundle to run (default: the committed `dist/index.js`, which is what `action.yml` runs). */
  entry?: string;
  /** Default: a `pull_request` `opened` event. */
  event?: GitHubEvent;
  /** More variables for the step's environment; they override the ones the runner sets. */
  extraEnv?: Record<string, string>;
  /** Kill the child and fail after this long (default 30 s). */
  timeoutMs?: number;
  /** What `${{ github.token }}` (the default of `github-token`) stands for. Default: empty. */
  githubToken?: string;
}

/** A workflow command the runner would act on: `::command key=value,…::data`, unescaped. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

export interface DistActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** What the action wrote to `GITHUB_OUTPUT`, parsed. */
  outputs: Record<string, string>;
  /** The text the action wrote to `GITHUB_STEP_SUMMARY`. */
  summary: string;
  /** Where the action is expected to write its JSON report (in `RUNNER_TEMP`). */
  reportFile: string;
  /** Workflow commands found on stdout, in order. */
  commands: WorkflowCommand[];
  runnerTemp: string;
}

/** The variable the runner sets for an input: `INPUT_` + the name, spaces to `_`, upper-cased; dashes kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Every input of `action.yml` with its default, as the runner passes it: the YAML scalar's text (the
 * failsafe schema keeps `false` and `1.0` as written), '' for an input without a default.
 */
export async function actionInputDefaults(githubToken = ''): Promise<Record<string, string>> {
  const document = parseDocument(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8'), { schema: 'failsafe' });
  if (document.errors.length > 0) throw new Error(`action.yml: ${document.errors[0]?.message}`);
  const inputs = (document.toJS() as { inputs?: Record<string, { default?: string } | null> }).inputs ?? {};
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(inputs)) {
    const raw = input?.default ?? '';
    // The runner evaluates expressions here; this harness knows one, the job's token, and refuses the rest.
    const value = raw === '${{ github.token }}' ? githubToken : raw;
    if (value.includes('${{')) throw new Error(`action.yml: the default of input ${name} is an expression`);
    defaults[name] = value;
  }
  return defaults;
}

/**
 * Runs the action bundle as its own process, the way the runner runs a `node24` action: a clean
 * environment (only PATH and HOME are inherited), `INPUT_*` for every input of `action.yml` at its
 * default overridden by `inputs`, the runner's files and variables, cwd = `GITHUB_WORKSPACE`.
 */
export async function runDistAction(
  workspace: string,
  inputs: Record<string, string>,
  options: DistActionOptions = {}
): Promise<DistActionRun> {
  const defaults = await actionInputDefaults(options.githubToken);
  for (const name of Object.keys(inputs)) {
    // The runner would pass an undeclared input on (with a warning); here it is almost surely a typo.
    if (!(name in defaults)) throw new Error(`runDistAction: ${name} is not an input of action.yml`);
  }

  const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
  const files = {
    GITHUB_OUTPUT: join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, 'step-summary.md'),
    GITHUB_ENV: join(runnerTemp, 'env'),
    GITHUB_PATH: join(runnerTemp, 'path'),
    GITHUB_STATE: join(runnerTemp, 'state')
  };
  // The runner creates these, empty, before the step starts.
  for (const file of Object.values(files)) await writeFile(file, '');

  const event = options.event ?? EVENTS.pullRequestOpened;
  const env: Record<string, string> = {
    ...(process.env.PATH !== undefined && { PATH: process.env.PATH }),
    ...(process.env.HOME !== undefined && { HOME: process.env.HOME }),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    ...files,
    ...(await eventVariables(event)),
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'Deploy',
    GITHUB_JOB: 'clerk-gate',
    GITHUB_ACTION: '__clerk-production-gate_clerk-production-gate',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql'
  };
  // Offline unless the test points the gate at a fake Clerk, and no comment unless at a fake GitHub: tests never
  // reach the internet.
  const network = {
    ...(inputs['clerk-api-url'] === undefined && { offline: 'true' }),
    ...(options.extraEnv?.GITHUB_API_URL === undefined && { comment: 'never' })
  };
  for (const [name, value] of Object.entries({ ...defaults, ...network, ...inputs })) env[inputVariable(name)] = value;
  Object.assign(env, options.extraEnv);

  const node = options.node ?? process.env.E2E_NODE ?? process.execPath;
  const entry = options.entry ?? join(REPO_ROOT, 'dist/index.js');
  const { code, signal, stdout, stderr } = await runProcess(node, [entry], {
    cwd: workspace,
    env,
    timeoutMs: options.timeoutMs ?? 30_000
  });
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
    reportFile: join(runnerTemp, 'clerk-production-gate-report.json'),
    commands: parseWorkflowCommands(stdout),
    runnerTemp
  };
}

/** The variables the runner derives from the event: name, payload path, repository, SHA, ref, actor. */
async function eventVariables(event: GitHubEvent): Promise<Record<string, string>> {
  const payload = JSON.parse(await readFile(event.path, 'utf8')) as {
    ref?: string;
    before?: string;
    after?: string;
    number?: number;
    repository?: { full_name?: string; owner?: { login?: string } };
    sender?: { login?: string };
    pull_request?: { head?: { sha?: string; ref?: string }; base?: { ref?: string } };
  };
  const zeros = /^0{40}$/;
  const pr = payload.pull_request;
  // The merge commit of a PR is made by GitHub; the examples have none, so the head commit stands in.
  // A push that deletes a ref has `after` = 40 zeros; workflow_dispatch carries no commit at all.
  const sha =
    pr?.head?.sha ?? [payload.after, payload.before].find((value) => value && !zeros.test(value)) ?? 'f'.repeat(40);
  const ref = pr ? `refs/pull/${payload.number}/merge` : (payload.ref ?? 'refs/heads/main');
  const repository = payload.repository?.full_name ?? 'octo-org/octo-repo';
  return {
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: event.path,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: payload.repository?.owner?.login ?? repository.split('/')[0] ?? '',
    GITHUB_ACTOR: payload.sender?.login ?? 'octocat',
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: pr ? `${payload.number}/merge` : ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_HEAD_REF: pr?.head?.ref ?? '',
    GITHUB_BASE_REF: pr?.base?.ref ?? ''
  };
}

/**
 * Parses a `GITHUB_OUTPUT` file as the runner does: `name<<DELIMITER` … `DELIMITER` blocks, or
 * `name=value` lines. A block that never ends is an error (the runner fails the step on it).
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const equals = /^([^=]+)=(.*)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const end = lines.indexOf(delimiter ?? '', i + 1);
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing ${delimiter} for output ${name}`);
      outputs[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (equals) outputs[equals[1] ?? ''] = equals[2] ?? '';
    else throw new Error(`GITHUB_OUTPUT: unexpected line ${i + 1}`);
  }
  return outputs;
}

/** Workflow commands on stdout: each line, leading whitespace trimmed as the runner does, `::name props::data`. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)( [^:]*)?::(.*)$/.exec(line.trimStart());
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').trim().split(',')) {
      const at = pair.indexOf('=');
      if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    commands.push({ command: match[1] ?? '', properties, data: unescapeData(match[3] ?? '') });
  }
  return commands;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/**
 * Lines of the child's stdout and stderr that show it crashed rather than reported: a stack frame
 * (`    at …`) or the words "internal error". Empty when the run ended the way the action means to.
 */
export function crashLines(run: Pick<DistActionRun, 'stdout' | 'stderr'>): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split(/\r?\n/)
    .filter((line) => /^\s+at\s/.test(line) || /internal error/i.test(line));
}
