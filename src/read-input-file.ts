import { resolve } from 'node:path';
import { InputError } from './core/errors.js';
import { readRegularFile, sizeInWords, UnreadableFile } from './core/read-file.js';

/** The most of a file named by an option read: a `toJSON(vars)` or `toJSON(secrets)` dump is a few KB. */
const MAX_INPUT_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a file named by an option: a regular file only (a FIFO or device is refused), up to a cap. Failures name
 * the option and file, never the content. `file` is relative to `cwd`; the label (used in messages) keeps the name
 * as given.
 */
export function readInputFile(option: string, file: string, cwd: string): { label: string; text: string } {
  try {
    const read = readRegularFile(resolve(cwd, file), MAX_INPUT_FILE_BYTES);
    if (read.overCap) throw new InputError(`${option}: ${file} is larger than ${sizeInWords(MAX_INPUT_FILE_BYTES)}`);
    return { label: file, text: read.bytes.toString('utf8') };
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw new InputError(`${option}: cannot read ${file} (${error.code ?? error.reason})`);
  }
}
