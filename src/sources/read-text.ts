import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../core/errors.js';

export type PathKind = 'file' | 'dir' | 'other' | 'missing';

/*
 * Synchronous on purpose: the gate reads its files one after another and keeps only one set in memory at a
 * time, and nothing else runs meanwhile that an asynchronous read would let through.
 */

/** What is at `abs`; `label` (the path as the user knows it) names it in errors. */
export function pathKind(abs: string, label: string): PathKind {
  try {
    const s = statSync(abs);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new InputError(`${label}: ${readFailure(code)}`);
  }
}

/**
 * The text of a dotenv file: must be UTF-8 without NUL bytes. A BOM is kept, as `fs.readFileSync(p, 'utf8')`
 * (what dotenv itself uses) keeps it; the parser treats it like dotenv does.
 */
export function readDotenvText(abs: string, label: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    throw new InputError(`${label}: ${readFailure((err as NodeJS.ErrnoException).code)}`);
  }
  if (bytes.indexOf(0) !== -1) throw new InputError(`${label}: contains NUL bytes, not a dotenv text file`);
  // Native checks and decoding; TextDecoder({ fatal: true }) does the same through more JavaScript.
  if (!isUtf8(bytes)) throw new InputError(`${label}: not valid UTF-8`);
  return bytes.toString('utf8');
}

/** Why a file or directory could not be read, from its error code, in words. */
export function readFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot read (${code ?? 'unknown error'})`;
  }
}
