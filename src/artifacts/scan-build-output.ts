import { closeSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import { ByteScanner, type ByteSource } from './byte-scanner.js';
import { isServerDir } from './build-output.js';
import { classifyCandidate, type Artifact } from './classify-candidate.js';
import { SourceMaps, type OriginalPosition } from './source-map.js';

/** Client files: what the browser loads, and the manifests and texts that travel with it. Never `.map`. */
const CLIENT_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.json', '.txt']);

/** Kept per scan, so a bundle full of one key cannot grow memory: the rest are counted. */
const MAX_HITS = 500;

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
  hits: ArtifactHit[];
  /** Hits beyond MAX_HITS, counted only. */
  omitted: number;
  files: number;
  bytes: number;
  /** Server output inside a scanned directory, left out. */
  skipped: { file: string; reason: string }[];
}

/**
 * Scans every client file under the directories, one file at a time through one reused buffer (see
 * byte-scanner.ts). Each thing found is reported once per file, at its first place. An unreadable file or
 * directory stops the gate (exit 2): a scan that silently missed a file would pass a leaked key.
 */
export function scanBuildOutput(cwd: string, dirs: readonly string[]): BuildScan {
  const scanner = new ByteScanner();
  const maps = new SourceMaps(cwd);
  const scan: BuildScan = { hits: [], omitted: 0, files: 0, bytes: 0, skipped: [] };
  const rel = (abs: string): string => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  for (const dir of dirs) {
    for (const file of clientFiles(dir, rel, scan.skipped)) {
      scan.files++;
      const seen = new Set<string>();
      for (const candidate of scanFile(scanner, file, rel(file), (n) => (scan.bytes += n))) {
        // Kept by the scan only when classified as something: SDK constants cost no position.
        const artifact = classifyCandidate(candidate);
        if (!artifact) continue;
        const id = artifact.kind === 'dev-host' ? artifact.host : artifact.key;
        if (seen.has(id)) continue;
        seen.add(id);
        if (scan.hits.length >= MAX_HITS) {
          scan.omitted++;
          continue;
        }
        const original = maps.lookup(file, candidate.line, candidate.column);
        scan.hits.push({
          artifact,
          file: rel(file),
          line: candidate.line,
          column: candidate.column,
          excerpt: candidate.excerpt,
          ...(original && { original })
        });
      }
    }
  }
  return scan;
}

function scanFile(scanner: ByteScanner, file: string, label: string, count: (bytes: number) => void) {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new InputError(`${label}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const source: ByteSource = {
      read: (buffer, offset, length) => {
        const n = readSync(fd, buffer, offset, length, null);
        count(n);
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

/** Client files under `dir`, sorted, depth first; server output and node_modules are left out; links not followed. */
function clientFiles(dir: string, rel: (abs: string) => string, skipped: BuildScan['skipped']): string[] {
  const files: string[] = [];
  const walk = (current: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      throw new InputError(
        `build-dirs: cannot read directory ${rel(current)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`
      );
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules') continue;
        if (isServerDir(abs)) {
          skipped.push({ file: rel(abs), reason: 'server output, not sent to the browser' });
          continue;
        }
        walk(abs);
      } else if (entry.isFile() && CLIENT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        files.push(abs);
      }
    }
  };
  walk(dir);
  return files;
}
