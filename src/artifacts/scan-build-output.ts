import { closeSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { notRegularFile, openRegularFile, sizeInWords, UnreadableFile } from '../core/read-file.js';
import { ByteScanner, type ByteSource, type Candidate } from './byte-scanner.js';
import { scanAstroInlineScripts } from './astro-inline-scripts.js';
import { directoryEntries, isServerDir, prerenderedDirsIn, prerenderedExtensions } from './build-output.js';
import { fileHits, thingsIn } from './file-hits.js';
import { classifyCandidate, type Artifact } from './classify-candidate.js';
import type { OriginalPosition } from './source-map.js';

/** Client files: what the browser loads, and the manifests and texts that travel with it. Never `.map`. */
const CLIENT_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.json', '.txt']);

/**
 * Hits listed per kind of thing found, so a bundle full of one key cannot grow memory. A cap per kind, not one for
 * all: what is past it is still counted, masked and judged, and every kind found has a listed hit (a finding)
 * that decides the verdict.
 */
const MAX_HITS = 500;

/** The most of one built file scanned: real chunks are a few MB. The rest of a larger file is not scanned. */
const MAX_BUILD_FILE_BYTES = 256 * 1024 * 1024;

/** One thing found in client code, where it is. */
export interface ArtifactHit {
  artifact: Artifact;
  /** Relative to the working directory, or a URL for a fetched page or chunk. */
  file: string;
  line: number;
  column: number;
  /** Around the match, not yet redacted. */
  excerpt: string;
  original?: OriginalPosition;
}

export interface BuildScan {
  /** Up to MAX_HITS of each kind. */
  hits: ArtifactHit[];
  /** Hits of each kind beyond MAX_HITS: judged and counted, not listed. */
  omitted: Record<Artifact['kind'], number>;
  /** Every secret key found, listed or not, for log masking. */
  secrets: Set<string>;
  files: number;
  bytes: number;
  /** Left out (server output, a source map not read), and why. */
  skipped: { file: string; reason: string }[];
  /** Why the scan did not read every client file whole; empty when it did. */
  incomplete: string[];
}

/**
 * Scans every client file under the directories, one file at a time through one reused buffer (see
 * byte-scanner.ts). Each thing found is reported once per file: where its source map leads to the app's own code,
 * else at its first place (file-hits.ts). Only what `wanted` keeps is a hit (the caller knows which artifacts are
 * findings; a production key never is). Source maps are read only for a file with hits, one at a time, and
 * dropped after use. An unreadable file or directory stops the gate (exit 2): a scan that silently missed a file
 * would pass a leaked key. A file that is not a regular file, or over the size cap, makes the scan incomplete,
 * with the reason. In `astroServerDirs`, only the scripts Astro inlines into server-rendered pages are judged
 * (see astro-inline-scripts.ts).
 */
export function scanBuildOutput(
  cwd: string,
  dirs: readonly string[],
  wanted: (a: Artifact) => boolean,
  astroServerDirs: readonly string[] = []
): BuildScan {
  const scanner = new ByteScanner();
  const scan: BuildScan = {
    hits: [],
    omitted: { 'publishable-key': 0, 'secret-key': 0, 'dev-host': 0 },
    secrets: new Set(),
    files: 0,
    bytes: 0,
    skipped: [],
    incomplete: []
  };
  const listed: Record<Artifact['kind'], number> = { 'publishable-key': 0, 'secret-key': 0, 'dev-host': 0 };
  const rel = (abs: string): string => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  const skip = (file: string, reason: string): void => {
    scan.skipped.push({ file, reason });
    scan.incomplete.push(`${file}: ${reason}`);
  };
  for (const dir of dirs) {
    for (const file of clientFiles(dir, rel, scan.skipped, skip)) {
      const candidates = scanFile(scanner, file, rel(file), scan, skip);
      if (candidates === undefined) continue;
      const kept = thingsIn(candidates, wanted, scan, listed, MAX_HITS);
      if (kept.length > 0) scan.hits.push(...fileHits(file, dir, cwd, kept, rel, scan.skipped));
    }
  }
  scanAstroInlineScripts(scanner, astroServerDirs, rel, skip, scan, (candidates) => {
    const kept: ArtifactHit[] = [];
    for (const { artifact, candidate, file } of candidates) {
      if (!wanted(artifact)) continue;
      if (artifact.kind === 'secret-key') scan.secrets.add(artifact.key);
      if (listed[artifact.kind] >= MAX_HITS) scan.omitted[artifact.kind]++;
      else {
        listed[artifact.kind]++;
        kept.push(hitAt(artifact, file, candidate));
      }
    }
    scan.hits.push(...kept);
  });
  return scan;
}

function hitAt(artifact: Artifact, file: string, candidate: Candidate): ArtifactHit {
  return { artifact, file, line: candidate.line, column: candidate.column, excerpt: candidate.excerpt };
}

/**
 * The candidates in one file, or undefined when it is not a regular file (skipped, with the reason). A file over
 * the cap is scanned up to it, and the scan is incomplete.
 */
function scanFile(
  scanner: ByteScanner,
  file: string,
  label: string,
  scan: BuildScan,
  skip: (file: string, reason: string) => void
): Candidate[] | undefined {
  let fd: number;
  let size: number;
  try {
    ({ fd, size } = openRegularFile(file));
  } catch (error) {
    if (error instanceof UnreadableFile && error.missing) {
      scan.skipped.push({ file: label, reason: 'a symbolic link to nothing; nothing to scan' });
      return undefined;
    }
    if (error instanceof UnreadableFile && error.code === undefined) {
      skip(label, `${error.reason}; not scanned`);
      return undefined;
    }
    throw new InputError(`${label}: cannot read (${error instanceof UnreadableFile ? error.reason : 'error'})`);
  }
  scan.files++;
  if (size > MAX_BUILD_FILE_BYTES) {
    skip(
      label,
      `larger than ${sizeInWords(MAX_BUILD_FILE_BYTES)}: only its first ${sizeInWords(MAX_BUILD_FILE_BYTES)} scanned`
    );
  }
  let read = 0;
  try {
    const source: ByteSource = {
      read: (buffer, offset, length) => {
        const n = readSync(fd, buffer, offset, Math.min(length, MAX_BUILD_FILE_BYTES - read), null);
        read += n;
        scan.bytes += n;
        return n;
      },
      readAt: (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position)
    };
    return scanner.scan(source, (candidate) => classifyCandidate(candidate) !== null);
  } catch (error) {
    throw new InputError(`${label}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Client files under `dir`, sorted, depth first; server output and node_modules are left out, but for the
 * prerendered pages of a server directory (only their page, payload and data files; see build-output.ts). A symbolic link to
 * a file is read as the file it names (only a regular one); a link to a directory is not followed (a loop would
 * never end), and neither is anything else that is not a regular file: each is skipped with its reason.
 */
function clientFiles(
  dir: string,
  rel: (abs: string) => string,
  skipped: BuildScan['skipped'],
  skip: (file: string, reason: string) => void
): string[] {
  const files: string[] = [];
  const walk = (current: string, extensions: ReadonlySet<string>): void => {
    for (const entry of directoryEntries(current, rel)) {
      const abs = path.join(current, entry.name);
      const client = extensions.has(path.extname(entry.name).toLowerCase());
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules') continue;
        if (isServerDir(abs)) {
          const prerendered = prerenderedDirsIn(abs);
          const pages = prerendered.length > 0 ? ' (its prerendered pages are scanned)' : '';
          skipped.push({ file: rel(abs), reason: `server output, not sent to the browser${pages}` });
          for (const pagesDir of prerendered) walk(pagesDir, prerenderedExtensions(pagesDir) ?? CLIENT_EXTENSIONS);
          continue;
        }
        walk(abs, extensions);
      } else if (entry.isSymbolicLink()) {
        if (linksToDirectory(abs)) skip(rel(abs), 'a symbolic link to a directory, not followed; not scanned');
        else if (client) files.push(abs);
      } else if (client) {
        // A FIFO, socket or device file: never opened (a FIFO would block, a device read without end).
        if (entry.isFile()) files.push(abs);
        else skip(rel(abs), `${notRegularFile(entry) ?? 'not a regular file'}; not scanned`);
      }
    }
  };
  walk(dir, prerenderedExtensions(dir) ?? CLIENT_EXTENSIONS);
  return files;
}

function linksToDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
