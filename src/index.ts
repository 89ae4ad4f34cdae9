/** Entry point of dist/index.js, the action. */
import { run } from './main.js';

process.exitCode = await run();
