/**
 * The files the hosts' CLIs write when a directory is linked to a project: `.vercel/project.json` (`vercel link`)
 * and `.netlify/state.json` (`netlify link`). A missing file is `undefined` (the directory is not linked); a file
 * that is there but unreadable or not in the expected shape is a `LinkFileError` whose message names the file and
 * how to fix it.
 */
import path from 'node:path';
import * as z from 'zod/mini';
import { once } from '../core/memo.js';
import { readRegularFile, UnreadableFile } from '../core/read-file.js';

/** The most of a link file read: the CLIs write a few hundred bytes. */
const MAX_LINK_FILE_BYTES = 1024 * 1024;

export interface VercelLink {
  /** The file read, as a path relative to the directory given. */
  file: string;
  projectId: string;
  /** The owner: a team (`team_…`) or a personal account (`user_…` or an older id). */
  orgId?: string;
  /** `orgId` when it is a team: what the Vercel client takes as `team`. */
  teamId?: string;
  /** The project's name, which newer CLIs write too. */
  projectName?: string;
}

export interface NetlifyLink {
  file: string;
  siteId: string;
}

export class LinkFileError extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(message);
    this.name = 'LinkFileError';
  }
}

export const VERCEL_LINK_FILE = path.join('.vercel', 'project.json');
export const NETLIFY_LINK_FILE = path.join('.netlify', 'state.json');

const nonEmpty = once(() => z.string().check(z.trim(), z.minLength(1)));

const vercelProjectFile = once(() =>
  z.looseObject({
    projectId: nonEmpty(),
    orgId: z.optional(nonEmpty()),
    projectName: z.optional(z.string())
  })
);

const netlifyStateFile = once(() => z.looseObject({ siteId: nonEmpty() }));

/** `.vercel/project.json` under `dir`, or undefined when there is none. */
export async function readVercelLink(dir: string): Promise<VercelLink | undefined> {
  const data = await readLinkFile(dir, VERCEL_LINK_FILE, vercelProjectFile, 'run `vercel link` again');
  if (data === undefined) return undefined;
  const { projectId, orgId, projectName } = data;
  return {
    file: VERCEL_LINK_FILE,
    projectId,
    ...(orgId !== undefined && { orgId }),
    ...(orgId?.startsWith('team_') && { teamId: orgId }),
    ...(projectName && { projectName })
  };
}

/** `.netlify/state.json` under `dir`, or undefined when there is none. */
export async function readNetlifyLink(dir: string): Promise<NetlifyLink | undefined> {
  const data = await readLinkFile(dir, NETLIFY_LINK_FILE, netlifyStateFile, 'run `netlify link` again');
  if (data === undefined) return undefined;
  return { file: NETLIFY_LINK_FILE, siteId: data.siteId };
}

async function readLinkFile<T>(
  dir: string,
  file: string,
  schema: () => z.ZodMiniType<T>,
  fix: string
): Promise<T | undefined> {
  let text: string;
  try {
    const read = readRegularFile(path.join(dir, file), MAX_LINK_FILE_BYTES);
    if (read.overCap) throw new LinkFileError(file, `${file} is larger than 1 MB, not a link file: ${fix}`);
    text = read.bytes.toString('utf8');
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    if (error.missing) return undefined;
    throw new LinkFileError(file, `${file} could not be read (${error.code ?? error.reason}): ${fix}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LinkFileError(file, `${file} is not valid JSON: ${fix}`);
  }
  const parsed = schema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.map(String).join('.') : undefined;
    const what =
      field === undefined
        ? 'is not a JSON object'
        : isMissing(json, issue?.path ?? [])
          ? `has no ${field}`
          : `has an invalid ${field}`;
    throw new LinkFileError(file, `${file} ${what}: ${fix}`);
  }
  return parsed.data;
}

function isMissing(json: unknown, at: readonly PropertyKey[]): boolean {
  let current: unknown = json;
  for (const key of at) {
    if (current === null || typeof current !== 'object' || !(key in current)) return true;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current === undefined || current === null;
}
