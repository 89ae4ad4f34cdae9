import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runGate } from '../../src/engine/run-gate.js';
import { globs } from '../../src/sources/glob.js';
import { renderJson } from '../../src/reporters/json.js';
import { JsonFindingSpill } from '../../src/reporters/json-spill.js';
import { DEV_HOST, PROD_HOST, publishableKey, secretKey } from '../helpers/keys.js';
import { cli, project } from '../helpers/run-cli.js';
import { makeFinding } from '../helpers/sample-report.js';

const spillDirs = (): string[] => readdirSync(tmpdir()).filter((d) => d.startsWith('clerk-production-gate-'));

/** A tree big enough for the CLI to write findings to disk (500 or more files). */
async function largeTree(): Promise<string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 620; i++) {
    const dev = i % 3 !== 0;
    files[`apps/app-${String(i).padStart(3, '0')}/.env`] = [
      `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=${publishableKey(dev ? DEV_HOST : PROD_HOST, dev ? 'test' : 'live')}`,
      `CLERK_SECRET_KEY=${secretKey(i % 5 === 0 ? 'live' : 'test')}`,
      i % 7 === 0
        ? 'NEXT_PUBLIC_CLERK_SIGN_IN_URL=http://localhost:3000/sign-in'
        : 'NEXT_PUBLIC_CLERK_SIGN_IN_URL=/sign-in',
      i % 11 === 0 ? 'CLERK_TESTING_TOKEN=abcdefghijklmnop' : ''
    ].join('\n');
  }
  return project(files);
}

describe('JSON findings written to disk for large trees', () => {
  it('prints byte for byte the report an in-memory run renders, and removes its files', async () => {
    const dir = await largeTree();
    const before = spillDirs().length;
    const run = await cli(dir, ['--format', 'json', '--offline', 'apps/*/.env']);
    expect(run.code).toBe(1);
    const { report } = await runGate({ cwd: dir, paths: ['apps/*/.env'], offline: true }, { globs });
    expect(report.findings.length).toBeGreaterThan(1000);
    expect(run.stdout).toBe(renderJson(report));
    expect(spillDirs().length).toBe(before);
  });

  it('keeps errors before warnings before notices across 64 KiB pieces, with multi-byte characters intact', () => {
    const spill = new JsonFindingSpill();
    try {
      const severities = ['notice', 'error', 'warning'] as const;
      for (let i = 0; i < 3000; i++) {
        spill.add(makeFinding({ severity: severities[i % 3], variable: `VAR_${i}`, value: 'sk_live_…WXYZ' }));
      }
      const text = Buffer.concat([...spill.findingsArray()].map((c) => Buffer.from(c))).toString('utf8');
      const parsed = JSON.parse(text) as { severity: string; variable: string; value: string }[];
      expect(parsed).toHaveLength(3000);
      expect(parsed.map((f) => f.severity)).toEqual([
        ...Array(1000).fill('error'),
        ...Array(1000).fill('warning'),
        ...Array(1000).fill('notice')
      ]);
      expect(parsed.slice(0, 2).map((f) => f.variable)).toEqual(['VAR_1', 'VAR_4']);
      expect(parsed.every((f) => f.value === 'sk_live_…WXYZ')).toBe(true);
    } finally {
      spill.dispose();
    }
  });

  it('renders an empty array when nothing was found', () => {
    const spill = new JsonFindingSpill();
    try {
      expect([...spill.findingsArray()].join('')).toBe('[]');
    } finally {
      spill.dispose();
    }
  });
});
