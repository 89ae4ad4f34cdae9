/** Entry point of dist/cli.js. */
import { setFlagsFromString } from 'node:v8';
import { runCli } from './cli.js';

// Keep V8's young generation at its starting size instead of letting it grow to 16 MiB a semi-space:
// the gate allocates short-lived objects for every file, and the grown young generation was most of the
// memory growth on large trees (peak RSS, 10,000 files: 130 MB → 88 MB; 1,000 files: 70 MB → 61 MB).
// A heuristic knob read at each GC, so setting it after start-up is safe.
setFlagsFromString('--semi-space-growth-factor=1');

// A reader that stops early (`| head`) closes the pipe: not worth a stack trace. The run still finishes,
// so the exit code is still the verdict (exiting here could turn a failed gate into a 0).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

void runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr
}).then((code) => {
  process.exitCode = code;
});
