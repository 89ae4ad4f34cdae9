/**
 * The shipped bundles as their own processes, for the shell tests that need more than runDistAction gives:
 * the CLI bundle (dist/cli.js) spawned with a clean environment, and the action bundle run as another user.
 */
import { spawnSync } from 'node:child_process';
import { offlineUnlessFaked } from './run-cli.js';
import { runProcess, type ProcessRun } from './spawn-process.js';
import { chmod, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DistActionOptions } from './run-dist-action.js';
import { REPO_ROOT } from './run-dist-action.js';

/** The bundles under test: the committed ones, or another build named by CLI_E2E_BUNDLE / ACTION_E2E_BUNDLE. */
export const DIST_CLI = process.env.CLI_E2E_BUNDLE ?? join(REPO_ROOT, 'dist/cli.js');
export const DIST_ACTION = process.env.ACTION_E2E_BUNDLE ?? join(REPO_ROOT, 'dist/index.js');

/** The unprivileged account the tests drop to when they run as root (root reads any file). */
export const NOBODY = { uid: 65534, gid: 65534 } as const;

export interface DistCliOptions {
  /** Node binary (default: the one running the tests). */
  node?: string;
  /** The bundle to run (default: the committed `dist/cli.js`). */
  entry?: string;
  /** The whole environment of the child besides PATH and HOME (nothing else of the test process leaks in). */
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /** Kill the child and fail after this long (default 50 s, under the tests' 60 s). */
  timeoutMs?: number;
}

export type DistCliRun = ProcessRun;

/** `node dist/cli.js …args` with cwd = `cwd`, as a user would run it from a clone. */
export function runDistCli(cwd: string, args: string[], options: DistCliOptions = {}): Promise<DistCliRun> {
  const node = options.node ?? process.env.E2E_NODE ?? process.execPath;
  const entry = options.entry ?? DIST_CLI;
  const timeoutMs = options.timeoutMs ?? 50_000;
  const env: Record<string, string> = {
    ...(process.env.PATH !== undefined && { PATH: process.env.PATH }),
    ...(process.env.HOME !== undefined && { HOME: process.env.HOME }),
    ...options.env
  };
  // Offline unless the test points the gate at a fake Clerk: tests never reach the internet.
  return runProcess(node, [entry, ...offlineUnlessFaked(args)], {
    cwd,
    env,
    timeoutMs,
    uid: options.uid,
    gid: options.gid
  });
}

/**
 * Whether a child run as `uid`/`gid` can start `node` (and `otherNode`, if given) and read both bundles; the
 * reason when not. Only meaningful when the tests run as root (another user cannot be switched to otherwise).
 */
export function canRunAs(uid: number, gid: number, otherNode?: string): { ok: boolean; reason: string } {
  const probe = `const fs = require('node:fs'); for (const f of ${JSON.stringify([DIST_CLI, DIST_ACTION])}) fs.readFileSync(f);`;
  for (const node of otherNode ? [process.execPath, otherNode] : [process.execPath]) {
    const result = spawnSync(node, ['-e', probe], { cwd: '/', uid, gid, stdio: 'pipe', timeout: 20_000 });
    if (result.error) return { ok: false, reason: `cannot start ${node} as uid ${uid}: ${result.error.message}` };
    if (result.status !== 0) {
      const why =
        result.stderr
          .toString('utf8')
          .split('\n')
          .find((line) => /Error/.test(line)) ?? `exit ${result.status}`;
      return {
        ok: false,
        reason: `uid ${uid} cannot run ${node} and read ${DIST_CLI} and ${DIST_ACTION} (${why.trim()})`
      };
    }
  }
  return { ok: true, reason: '' };
}

/** Makes a tree readable and traversable by everyone (mkdtemp creates 0700): dirs 0755, files 0644. */
export async function openToEveryone(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await openToEveryone(path);
    else await chmod(path, 0o644);
  }
}

/** runDistAction options for the action bundle under test (DIST_ACTION) and ACTION_E2E_NODE, if set. */
export function actionBundleOptions(): DistActionOptions {
  return {
    entry: DIST_ACTION,
    ...(process.env.ACTION_E2E_NODE && { node: process.env.ACTION_E2E_NODE })
  };
}

/**
 * runDistAction options that run the action bundle as `uid`/`gid`: the entry becomes a small wrapper, run as
 * root by runDistAction, that opens the runner's files to the user (the runner creates them for the user it
 * runs as) and starts `dist/index.js` as that user with the same environment, cwd and standard streams.
 */
export async function actionAsUser(uid: number, gid: number): Promise<DistActionOptions> {
  const node = process.env.ACTION_E2E_NODE ?? process.execPath;
  const dir = await mkdtemp(join(tmpdir(), 'as-user-'));
  const wrapper = join(dir, 'as-user.mjs');
  await writeFile(
    wrapper,
    [
      "import { spawnSync } from 'node:child_process';",
      "import { chmodSync } from 'node:fs';",
      'chmodSync(process.env.RUNNER_TEMP, 0o777);',
      "for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE']) {",
      '  if (process.env[name]) chmodSync(process.env[name], 0o666);',
      '}',
      `const child = spawnSync(${JSON.stringify(node)}, [${JSON.stringify(DIST_ACTION)}], {`,
      `  stdio: 'inherit', uid: ${uid}, gid: ${gid}`,
      '});',
      'if (child.error) throw child.error;',
      'process.exit(child.status ?? 128);',
      ''
    ].join('\n')
  );
  await openToEveryone(dir);
  // The wrapper itself runs on the Node running the tests; the bundle on `node`.
  return { entry: wrapper, node: process.execPath };
}
