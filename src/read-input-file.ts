import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './core/errors.js';

/** Reads a file named by an option; failures name the option and file, never the content. */
/** `file` is relative to `cwd`; the label (used in messages) keeps the name as given. */
export async function readInputFile(
  option: string,
  file: string,
  cwd: string
): Promise<{ label: string; text: string }> {
  try {
    return { label: file, text: readFileSync(resolve(cwd, file), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`${option}: cannot read ${file} (${code})`);
  }
}
