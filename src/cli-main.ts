/** Entry point of dist/cli.js. */
import { runCli } from './cli.js';

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
