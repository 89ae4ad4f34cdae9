import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { RULE_IDS } from '../../src/rules/index.js';
import { describeWithShared, FIXTURES } from '../helpers/shared-data.js';

const require = createRequire(import.meta.url);
// ajv ships CommonJS; its draft-07 class is the default export.
const Ajv = require('ajv').default as typeof import('ajv').default;

// Vendored from SchemaStore (Apache-2.0), unmodified: see fixtures/schemastore/SOURCES.md.
const schemas = resolve(FIXTURES, 'schemastore');
const SCHEMAS = ['github-action.json', 'github-workflow.json'];
const root = new URL('../../', import.meta.url);

async function validator(file: string) {
  const schema = JSON.parse(await readFile(resolve(schemas, file), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(schema);
}

const actionYml = parse(await readFile(new URL('action.yml', root), 'utf8'));
const readme = await readFile(new URL('README.md', root), 'utf8');

describe('the vendored schemastore schemas', () => {
  it('are the unmodified upstream files (SHA-256 as SOURCES.md records)', async () => {
    const sources = await readFile(resolve(schemas, 'SOURCES.md'), 'utf8');
    const recorded = [...sources.matchAll(/^\| `([^`]+)` \|.*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1], m[2]]);
    const actual: string[][] = [];
    for (const file of SCHEMAS) {
      const bytes = await readFile(resolve(schemas, file));
      actual.push([file, createHash('sha256').update(bytes).digest('hex')]);
    }
    expect(actual).toEqual(recorded);
  });
  it('carry the Apache-2.0 licence text and the SchemaStore notice', async () => {
    const sources = await readFile(resolve(schemas, 'SOURCES.md'), 'utf8');
    const license = await readFile(resolve(schemas, 'LICENSE-APACHE-2.0'), 'utf8');
    expect(license).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(license).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(sources).toContain('JSON Schema Store\nCopyright 2015-Current Mads Kristensen and Contributors');
  });
});

describeWithShared('the vendored schemas against ../shared', ['reference', 'github', 'schemastore'], (dir) => {
  it('are byte-identical to the shared copies', async () => {
    for (const file of SCHEMAS) {
      const same = (await readFile(resolve(dir, file))).equals(await readFile(resolve(schemas, file)));
      expect([file, same]).toEqual([file, true]);
    }
  });
});

describe('action.yml', () => {
  it('validates against the schemastore schema of action.yml', async () => {
    const validate = await validator('github-action.json');
    expect(validate(actionYml) ? [] : validate.errors).toEqual([]);
  });
  it('runs on node24 from the committed bundle', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
  it('documents every input with a default, and every output', () => {
    for (const [name, input] of Object.entries<Record<string, unknown>>(actionYml.inputs)) {
      expect([name, typeof input.description]).toEqual([name, 'string']);
      expect([name, 'default' in input]).toEqual([name, true]);
      expect(readme).toContain(`\`${name}\``);
    }
    expect(Object.keys(actionYml.outputs).sort()).toEqual([
      'comment-url',
      'errors',
      'findings',
      'incomplete',
      'passed',
      'pull-requests',
      'report-file',
      'warnings'
    ]);
  });
});

describe('README', () => {
  it('starts with the two fresh-machine commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = firstBlock.trim().split('\n');
    // Offline: the example's keys are fakes, and a first run should not send them to Clerk.
    expect(lines[0]).toMatch(/^npm ci && node dist\/cli\.js --offline examples\//);
    expect(lines[1]).toMatch(/^npm ci && npm test/);
  });
  it('has workflow recipes that validate against the workflow schema', async () => {
    const validate = await validator('github-workflow.json');
    const recipes = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1] ?? ''));
    expect(recipes.length).toBeGreaterThan(0);
    for (const recipe of recipes) expect(validate(recipe) ? [] : validate.errors).toEqual([]);
    expect(recipes[0].jobs['clerk-gate'].environment).toBe('production');
    expect(recipes[0].jobs['clerk-gate'].steps[1].with['secrets-json']).toBe('${{ toJSON(secrets) }}');
  });
  it('links docs/rules.md, which names every rule', async () => {
    const rules = await readFile(new URL('docs/rules.md', root), 'utf8');
    expect(readme).toContain('docs/rules.md');
    for (const id of RULE_IDS) expect(rules).toContain(`## \`${id}\``);
  });
});

describe('package.json', () => {
  it('declares the CLI bin and matches the version the bundles report', async () => {
    const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
    const { VERSION } = await import('../../src/core/version.js');
    expect(pkg.bin['clerk-production-gate']).toBe('dist/cli.js');
    expect(pkg.type).toBe('module');
    expect(VERSION).toBe(pkg.version);
  });
});
