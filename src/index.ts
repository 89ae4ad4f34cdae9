/** Entry point of dist/index.js, the action: one plain call, as the runner starts it. */
import * as core from '@actions/core';
import { describeError, EXIT_USAGE } from './core/errors.js';
import { run } from './main.js';
import { Scrubber } from './core/scrub.js';

// Every secret of the run, also for the last-resort handler below: a secret the run found is scrubbed there too.
const scrubber = new Scrubber();

// A bug that escapes every handler still fails the step with one line, never a stack trace.
process.on('uncaughtException', (error) => {
  core.setFailed(describeError(error, scrubber));
  process.exit(EXIT_USAGE);
});

void run(process.env, scrubber).then((code) => {
  process.exitCode = code;
  // An SDK timer that cannot be cancelled (@netlify/api's rate-limit sleep) must not hold the step once it is done.
  setTimeout(() => process.exit(code), 500).unref();
});
