/**
 * What a file matched by a glob is for, judged by its name, when its directory's framework does not load it
 * for the target: a template or another mode's file is skipped (no tool loads it for this deploy); any other
 * dotenv-named file is read on its own, since a deploy script may load it (`docker compose --env-file .env.prod`).
 */

/** `.env.example`, `.env.local.sample`, `.env.template`, `.env.dist`, `.example.env`, `env.example`, … */
const TEMPLATE = /(^|[.\-_ ])(example|sample|template|dist)([.\-_ ]|$)/i;
/** `.env.<mode>` and `.env.<mode>.local`, the files Vite, Next.js and dotenv-flow load per mode. */
const MODE_FILE = /^\.env\.([^.]+)(\.local)?$/;
/** `.env.keys` and `.env.vault` (dotenvx, dotenv-vault) follow the `.env.<word>` shape but are no mode. */
const NOT_MODES = new Set(['local', 'keys', 'vault']);
/** Names dotenv files go by: `.env`, `.env.*`, `*.env`, `env.*`. */
const DOTENV_NAME = /^\.env($|\.)|\.env$|^env\./;

export interface FileRole {
  /** Why the gate does not judge this file; undefined when it reads it. */
  skip?: string;
}

/**
 * @param name the file's base name
 * @param targetModes mode names that mean this deploy (`production`, and the environment's own name)
 * @param buildMode the mode the deploy builds in, for the reason text
 */
export function classifyGlobbedFile(name: string, targetModes: ReadonlySet<string>, buildMode: string): FileRole {
  if (!DOTENV_NAME.test(name)) return { skip: 'not a dotenv file name' };
  if (TEMPLATE.test(name)) return { skip: 'a template (example, sample, template or dist): no tool loads it' };
  const mode = MODE_FILE.exec(name)?.[1]?.toLowerCase();
  if (mode !== undefined && !NOT_MODES.has(mode) && !targetModes.has(mode)) {
    return { skip: `loaded only in ${mode} mode, and this deploy builds in ${buildMode} mode` };
  }
  return {};
}
