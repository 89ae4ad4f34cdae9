import { spawn } from 'node:child_process';

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  uid?: number;
  gid?: number;
}

/**
 * Runs `command args…` as its own process and collects both streams. Killed after `timeoutMs`, which rejects.
 * Errors never quote the streams: they may hold the secrets a test passed in.
 */
export function runProcess(command: string, args: string[], options: SpawnOptions): Promise<ProcessRun> {
  const { cwd, env, timeoutMs, uid, gid } = options;
  const what = [command, ...args.slice(0, 1)].join(' ');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid !== undefined && { uid }),
      ...(gid !== undefined && { gid })
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${what}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        reject(
          new Error(
            `${what} did not finish within ${timeoutMs} ms and was killed ` +
              `(${stdout.length} characters on stdout, ${stderr.length} on stderr so far)`
          )
        );
      } else resolvePromise({ code, signal, stdout, stderr });
    });
  });
}
