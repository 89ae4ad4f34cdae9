/** `.vercel/project.json` and `.netlify/state.json`: read, missing, and broken. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  LinkFileError,
  NETLIFY_LINK_FILE,
  VERCEL_LINK_FILE,
  readNetlifyLink,
  readVercelLink
} from '../../src/hosts/link-files.js';

const dirs: string[] = [];
async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'link-files-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function linkError(promise: Promise<unknown>): Promise<LinkFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(LinkFileError);
  return error as LinkFileError;
}

describe('readVercelLink', () => {
  it('reads a team project: orgId team_… is the team', async () => {
    const dir = await dirWith({
      '.vercel/project.json': JSON.stringify({
        projectId: 'prj_abc',
        orgId: 'team_xyz',
        projectName: 'shop-web',
        settings: { framework: 'nextjs' }
      })
    });
    expect(await readVercelLink(dir)).toEqual({
      file: VERCEL_LINK_FILE,
      projectId: 'prj_abc',
      orgId: 'team_xyz',
      teamId: 'team_xyz',
      projectName: 'shop-web'
    });
  });

  it('reads a personal project: an orgId that is not a team gives no teamId', async () => {
    const dir = await dirWith({ '.vercel/project.json': '\uFEFF{"projectId":"prj_abc","orgId":"user_1"}' });
    const link = await readVercelLink(dir);
    expect(link).toEqual({ file: VERCEL_LINK_FILE, projectId: 'prj_abc', orgId: 'user_1' });
    expect(link?.teamId).toBeUndefined();
  });

  it('is undefined when the directory is not linked', async () => {
    expect(await readVercelLink(await dirWith({}))).toBeUndefined();
    expect(await readVercelLink(await dirWith({ '.vercel/README.txt': 'x' }))).toBeUndefined();
    expect(await readVercelLink(path.join(os.tmpdir(), 'no-such-dir-for-link-files'))).toBeUndefined();
  });

  it('a broken file is an error naming the file', async () => {
    const notJson = await linkError(readVercelLink(await dirWith({ '.vercel/project.json': '{ projectId: ' })));
    expect(notJson.message).toBe(`${VERCEL_LINK_FILE} is not valid JSON: run \`vercel link\` again`);
    expect(notJson.file).toBe(VERCEL_LINK_FILE);

    const noId = await linkError(readVercelLink(await dirWith({ '.vercel/project.json': '{"orgId":"team_1"}' })));
    expect(noId.message).toBe(`${VERCEL_LINK_FILE} has no projectId: run \`vercel link\` again`);

    const blank = await linkError(readVercelLink(await dirWith({ '.vercel/project.json': '{"projectId":"  "}' })));
    expect(blank.message).toMatch(/has an invalid projectId/);

    const array = await linkError(readVercelLink(await dirWith({ '.vercel/project.json': '[]' })));
    expect(array.message).toMatch(/project\.json is not a JSON object/);

    const wrongType = await linkError(readVercelLink(await dirWith({ '.vercel/project.json': '{"projectId":42}' })));
    expect(wrongType.message).toMatch(/has an invalid projectId/);
  });

  it('a file that cannot be read is an error naming the file', async () => {
    const dir = await dirWith({});
    await mkdir(path.join(dir, '.vercel', 'project.json'), { recursive: true }); // a directory, not a file
    const error = await linkError(readVercelLink(dir));
    expect(error.message).toMatch(/^\.vercel.project\.json could not be read \(EISDIR\)/);
  });
});

describe('readNetlifyLink', () => {
  it('reads the site id', async () => {
    const dir = await dirWith({ '.netlify/state.json': '{\n  "siteId": "9b1e7f64-3c1a"\n}\n' });
    expect(await readNetlifyLink(dir)).toEqual({ file: NETLIFY_LINK_FILE, siteId: '9b1e7f64-3c1a' });
  });

  it('is undefined when there is no state file', async () => {
    expect(await readNetlifyLink(await dirWith({ '.vercel/project.json': '{"projectId":"p"}' }))).toBeUndefined();
  });

  it('a state file without siteId (netlify init not finished) is an error naming the file', async () => {
    const error = await linkError(readNetlifyLink(await dirWith({ '.netlify/state.json': '{}' })));
    expect(error.message).toBe(`${NETLIFY_LINK_FILE} has no siteId: run \`netlify link\` again`);
    const broken = await linkError(readNetlifyLink(await dirWith({ '.netlify/state.json': '' })));
    expect(broken.message).toBe(`${NETLIFY_LINK_FILE} is not valid JSON: run \`netlify link\` again`);
  });
});
