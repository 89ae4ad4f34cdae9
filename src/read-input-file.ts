import { readFile } from 'node:fs/promises';
import { InputError } from './core/errors.js';

/** Reads a file named by an option; failures name the option and file, never the content. */
export async function readInputFile(option: string, file: string): Promise<{ label: string; text: string }> {
  try {
    return { label: file, text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`${option}: cannot read ${file} (${code})`);
  }
}
