import { BUNDLE_RULES } from '../../src/rules/bundle.js';
import { SITE_RULES } from '../../src/rules/site.js';
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGate } from '../../src/engine/run-gate.js';
import { ONLINE_RULES } from '../../src/rules/online.js';
import { RULES } from '../../src/rules/index.js';

/** Each rule's section in docs/rules.md, with its failing and passing dotenv examples. */
interface Example {
  kind: 'Fails' | 'Passes';
  environment: string;
  dotenv: string;
}

const doc = await readFile(new URL('../../docs/rules.md', import.meta.url), 'utf8');

function section(id: string): string {
  const start = doc.indexOf(`## \`${id}\``);
  if (start < 0) return '';
  const next = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

function examples(text: string): Example[] {
  const found: Example[] = [];
  const pattern = /^(Fails|Passes)[^\n]*:\n\n```dotenv( environment=(\w+))?\n([\s\S]*?)```/gm;
  for (const match of text.matchAll(pattern)) {
    found.push({ kind: match[1] as Example['kind'], environment: match[3] ?? 'production', dotenv: match[4] ?? '' });
  }
  return found;
}

async function rulesFiredOn(example: Example): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rules-doc-'));
  await writeFile(join(dir, 'example.env'), example.dotenv);
  const { report } = await runGate({
    cwd: dir,
    paths: ['example.env'],
    environment: example.environment,
    offline: true
  });
  return report.findings.filter((f) => !f.suppressed).map((f) => f.rule);
}

describe('docs/rules.md', () => {
  it.each(RULES.map((rule) => [rule.meta.id]))('documents %s with one failing and one passing example', async (id) => {
    const found = examples(section(id));
    expect(found.map((e) => e.kind)).toEqual(['Fails', 'Passes']);
    const [fails, passes] = found as [Example, Example];
    expect(await rulesFiredOn(fails)).toContain(id);
    expect(await rulesFiredOn(passes)).not.toContain(id);
  });

  it('links each rule to its own section', () => {
    for (const { meta } of RULES) expect(meta.docs.endsWith(`docs/rules.md#${meta.id}`)).toBe(true);
    for (const meta of [...ONLINE_RULES, ...BUNDLE_RULES, ...SITE_RULES]) {
      expect(meta.docs.endsWith(`docs/rules.md#${meta.id}`)).toBe(true);
      expect([meta.id, section(meta.id).includes('**Fix:**')]).toEqual([meta.id, true]);
    }
  });
});
