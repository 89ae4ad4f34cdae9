/** Entry point of dist/index.js, the action: one plain call, as the runner starts it. */
import { run } from './main.js';

void run().then((code) => {
  process.exitCode = code;
});
