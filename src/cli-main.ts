/** Entry point of dist/cli.js. */
import { runCli } from './cli.js';
import { describeError, EXIT_USAGE } from './core/errors.js';
import { Scrubber } from './core/scrub.js';

// Every secret of the run, also for the last-resort handler below: a secret the run found is scrubbed there too.
const scrubber = new Scrubber();

// A reader that stops early (`| head`) closes the pipe: not worth a stack trace. The run still finishes,
// so the exit code is still the verdict (exiting here could turn a failed gate into a 0).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

// A bug that escapes every handler (an error event no one listens to) still ends in one line and exit 2, never a
// stack trace (which could quote what the failing code held).
process.on('uncaughtException', (error) => {
  process.stderr.write(`clerk-production-gate: ${describeError(error, scrubber)}\n`);
  process.exit(EXIT_USAGE);
});

void runCli(
  {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr
  },
  scrubber
).then((code) => {
  process.exitCode = code;
  // @netlify/api sleeps out a rate limit with a timer that cannot be cancelled: once the report is written, such a
  // timer must not hold the process (the timer here does not hold it either: it fires only if something else does).
  setTimeout(() => process.exit(code), LINGER_MS).unref();
});

const LINGER_MS = 500;
