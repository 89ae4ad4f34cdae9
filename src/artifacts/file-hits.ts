import { classifyCandidate, type Artifact } from './classify-candidate.js';
import type { Candidate } from './byte-scanner.js';
import type { ArtifactHit, BuildScan } from './scan-build-output.js';
import { originalPositions, type OriginalPosition } from './source-map.js';

/** Places of one thing in a file looked up in its source map to choose the one reported; the rest are not. */
const MAX_PLACES = 32;

/** One thing found in a file (a key, a host), and where it occurs in the file, in order. */
interface Occurrences {
  artifact: Artifact;
  candidates: Candidate[];
}

/**
 * The things `wanted` keeps among a file's candidates, each once, with its places (up to MAX_PLACES, to choose
 * the one reported). Every secret key is added to `scan.secrets`; a thing past `maxHits` of its kind over the
 * whole scan (`listed` counts them) is counted in `scan.omitted`, not listed.
 */
export function thingsIn(
  candidates: readonly Candidate[],
  wanted: (a: Artifact) => boolean,
  scan: Pick<BuildScan, 'secrets' | 'omitted'>,
  listed: Record<Artifact['kind'], number>,
  maxHits: number
): Occurrences[] {
  const things = new Map<string, Occurrences | undefined>();
  for (const candidate of candidates) {
    const artifact = classifyCandidate(candidate);
    if (!artifact || !wanted(artifact)) continue;
    if (artifact.kind === 'secret-key') scan.secrets.add(artifact.key);
    const id = artifact.kind === 'dev-host' ? artifact.host : artifact.key;
    if (things.has(id)) {
      const known = things.get(id);
      if (known && known.candidates.length < MAX_PLACES) known.candidates.push(candidate);
    } else if (listed[artifact.kind] >= maxHits) {
      scan.omitted[artifact.kind]++;
      things.set(id, undefined);
    } else {
      listed[artifact.kind]++;
      things.set(id, { artifact, candidates: [candidate] });
    }
  }
  return [...things.values()].filter((t) => t !== undefined);
}

/**
 * The hits of one file, one per thing, with original positions from its source map (read once here, dropped on
 * return). A thing that occurs several times is reported where the map leads to the app's own code: a bundler
 * inlines a value where the app uses it and also where a package reads it (Vite writes the whole `import.meta.env`
 * object where @clerk/shared's `getEnvVariable` reads it, Gatsby where gatsby-plugin-clerk's `src/constants.ts`
 * does), and only the app's line tells the user what to change. Otherwise its first place.
 */
export function fileHits(
  file: string,
  dir: string,
  cwd: string,
  things: readonly Occurrences[],
  rel: (abs: string) => string,
  skipped: BuildScan['skipped']
): ArtifactHit[] {
  const lookup = originalPositions(
    file,
    dir,
    cwd,
    things.flatMap((t) => t.candidates),
    rel
  );
  if (lookup.skipped) skipped.push(lookup.skipped);
  let at = 0;
  return things.map(({ artifact, candidates }) => {
    const originals = lookup.positions.slice(at, (at += candidates.length));
    const chosen = Math.max(
      0,
      originals.findIndex((o) => o !== undefined && isAppSource(o))
    );
    const candidate = candidates[chosen] as Candidate;
    const original = originals[chosen];
    return {
      artifact,
      file: rel(file),
      line: candidate.line,
      column: candidate.column,
      excerpt: candidate.excerpt,
      ...(original && { original })
    };
  });
}

/**
 * Code of the app itself, as a source path shown in the report: not a package (anything under `node_modules`, or
 * a bundler path still shown with its scheme because it climbs out of the project, as a package's own `src/` that
 * its map leads to does: `webpack://app/../src/constants.ts`), nor a bundler's virtual module or runtime.
 */
function isAppSource(original: OriginalPosition): boolean {
  return !NOT_APP.test(original.file);
}

const NOT_APP =
  /(^|\/)(node_modules\/|\0)|^[a-z][a-z0-9+.-]*:\/\/|^(webpack\/(runtime|bootstrap)|\(webpack\)|\[turbopack\]|\[externals\])\//i;
