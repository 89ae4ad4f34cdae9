import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SEVERITIES, type Finding, type Severity } from '../core/finding.js';
import {
  JSON_ARRAY_CLOSE,
  JSON_ARRAY_OPEN,
  JSON_ARRAY_SEPARATOR,
  JSON_BATCH,
  JSON_EMPTY_ARRAY,
  renderJsonItems,
  toJsonFinding,
  type JsonFinding
} from './json.js';

/** Read-back piece: small enough that joining two stays under V8's large-object size (see JSON_BATCH). */
const BUFFER_CHARS = 1 << 14;

interface SpillFile {
  fd: number;
  /** Findings written to the file so far. */
  written: number;
  /** Findings waiting to be rendered and written, a batch at a time. */
  batch: JsonFinding[];
}

/**
 * The JSON report's findings array, written to temporary files as findings arrive (one file a severity,
 * so the array still comes errors first) and read back in pieces when the report is written. Memory stays
 * the same whatever the number of findings. Values are already redacted; the files are the user's own,
 * in a fresh private directory (mode 0700), removed by `dispose`.
 */
export class JsonFindingSpill {
  private readonly dir = mkdtempSync(join(tmpdir(), 'clerk-production-gate-'));
  private readonly files = new Map<Severity, SpillFile>(
    SEVERITIES.map((severity) => [
      severity,
      { fd: openSync(join(this.dir, severity), 'w+', 0o600), written: 0, batch: [] }
    ])
  );

  add(finding: Finding): void {
    const file = this.files.get(finding.severity) as SpillFile;
    file.batch.push(toJsonFinding(finding));
    if (file.batch.length >= JSON_BATCH) this.flush(file);
  }

  /** The findings array, exactly as renderJsonChunks would render `report.findings`. */
  *findingsArray(): Generator<string> {
    for (const file of this.files.values()) this.flush(file);
    const files = SEVERITIES.map((severity) => this.files.get(severity) as SpillFile).filter((f) => f.written > 0);
    if (files.length === 0) {
      yield JSON_EMPTY_ARRAY;
      return;
    }
    yield JSON_ARRAY_OPEN;
    for (const [index, file] of files.entries()) {
      if (index > 0) yield JSON_ARRAY_SEPARATOR;
      yield* readBack(file.fd);
    }
    yield JSON_ARRAY_CLOSE;
  }

  dispose(): void {
    for (const file of this.files.values()) closeSync(file.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(file: SpillFile): void {
    if (file.batch.length === 0) return;
    writeSync(file.fd, (file.written > 0 ? JSON_ARRAY_SEPARATOR : '') + renderJsonItems(file.batch));
    file.written += file.batch.length;
    file.batch = [];
  }
}

/**
 * A file's text from the start, in pieces of about 16 KiB, through one reused buffer. Strings rather than
 * buffers: dead strings are collected with the rest of the heap, while dead buffers pile up outside it
 * (measured: 23 MB of them at the end of a 10,000-file run).
 */
function* readBack(fd: number): Generator<string> {
  const buffer = Buffer.allocUnsafe(BUFFER_CHARS);
  const decoder = new StringDecoder('utf8');
  let position = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) break;
    position += read;
    yield decoder.write(buffer.subarray(0, read));
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
