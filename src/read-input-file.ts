import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './core/errors.js';

/**
 * Reads a file named by an option; `file` is relative to `cwd`, and the label (used in messages) keeps the name as
 * given. Failures name the option and file, never the content.
 */
export function readInputFile(option: string, file: string, cwd: string): { label: string; text: string } {
  try {
    return { label: file, text: readFileSync(resolve(cwd, file), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`${option}: cannot read ${file} (${code})`);
  }
}
