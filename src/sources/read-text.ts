import { isUtf8 } from 'node:buffer';
import { statSync } from 'node:fs';
import { InputError } from '../core/errors.js';
import { readFailure, readRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';

/** The most of a dotenv file read: real ones are a few KB; a larger file is refused, not judged in part. */
const MAX_DOTENV_BYTES = 4 * 1024 * 1024;

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
    const read = readRegularFile(abs, MAX_DOTENV_BYTES);
    if (read.overCap) {
      throw new InputError(`${label}: larger than ${sizeInWords(MAX_DOTENV_BYTES)}, not a dotenv file (not read)`);
    }
    bytes = read.bytes;
  } catch (err) {
    if (err instanceof UnreadableFile) throw new InputError(`${label}: ${err.reason}`);
    throw err;
  }
  if (bytes.indexOf(0) !== -1) throw new InputError(`${label}: contains NUL bytes, not a dotenv text file`);
  // Native checks and decoding; TextDecoder({ fatal: true }) does the same through more JavaScript.
  if (!isUtf8(bytes)) throw new InputError(`${label}: not valid UTF-8`);
  return bytes.toString('utf8');
}
