/** Entry point of dist/cli.js. */
import { runCli } from './cli.js';

void runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr
}).then((code) => {
  process.exitCode = code;
});
