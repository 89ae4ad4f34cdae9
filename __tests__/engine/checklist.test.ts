import { describe, expect, it } from '@jest/globals';
import type { SourceInfo } from '../../src/core/source.js';
import { readCheck, type ReadSummary } from '../../src/engine/checklist.js';

const NUXT = { dir: '/work/app', app: '.', framework: 'Nuxt', evidence: '.output/server' };
const RUNTIME_SENTENCE =
  "this framework reads Clerk's keys at runtime: pass its variables (vars-json, secrets-json or a host)";

function summary(overrides: Partial<ReadSummary>): ReadSummary {
  return {
    sources: [],
    skipped: 0,
    builtScanned: false,
    clerkRead: false,
    deployedClerk: false,
    runtimeKeys: [],
    ...overrides
  };
}

const envFile = (variables: number): SourceInfo => ({ kind: 'file', file: '.env', variables }) as SourceInfo;

describe('readCheck (the checklist line variables-read, which decides exit 1 when it fails)', () => {
  it('no variable and no build output: fail', () => {
    expect(readCheck(summary({}))).toMatchObject({ status: 'fail', detail: expect.stringContaining('no variable') });
  });

  it('no variable, build output of a framework that compiles the key: skipped, the build is the evidence', () => {
    expect(readCheck(summary({ builtScanned: true }))).toMatchObject({
      status: 'skipped',
      detail: 'no variable was read; the gate judged the build output only'
    });
  });

  it('no variable, build output of a framework that reads the keys at runtime: fail, saying what to pass', () => {
    const check = readCheck(summary({ builtScanned: true, runtimeKeys: [NUXT] }));
    expect(check.status).toBe('fail');
    expect(check.detail).toBe(`Nuxt (.output/server): ${RUNTIME_SENTENCE}; no variable was read`);
  });

  it('variables read but none of them Clerk: still fail for a runtime framework, naming the app', () => {
    const check = readCheck(
      summary({ sources: [envFile(3)], builtScanned: true, runtimeKeys: [{ ...NUXT, app: 'apps/web' }] })
    );
    expect(check.status).toBe('fail');
    expect(check.detail).toBe(
      `apps/web: Nuxt (.output/server): ${RUNTIME_SENTENCE}; 3 variables read, none of them Clerk's`
    );
  });

  it("a Clerk variable read for the app: the runtime framework's variables are judged, the line passes", () => {
    // The engine leaves out of runtimeKeys every app a Clerk variable was read for.
    const check = readCheck(summary({ sources: [envFile(2)], builtScanned: true, clerkRead: true, runtimeKeys: [] }));
    expect(check).toMatchObject({ status: 'pass', detail: '2 variables from 1 file' });
  });

  it('a Clerk variable read for another app only: the runtime app still fails', () => {
    const admin = { ...NUXT, app: 'apps/admin' };
    const check = readCheck(
      summary({ sources: [envFile(2)], builtScanned: true, clerkRead: true, runtimeKeys: [admin] })
    );
    expect(check.status).toBe('fail');
    expect(check.detail).toBe(
      `apps/admin: Nuxt (.output/server): ${RUNTIME_SENTENCE}; no Clerk variable was read for it`
    );
  });
});

describe('readCheck: the deployed site as evidence of a runtime-read key', () => {
  it('a deployed page that showed Clerk stands in for the variables of a runtime framework', () => {
    const check = readCheck(summary({ builtScanned: true, deployedClerk: true, runtimeKeys: [NUXT] }));
    expect(check.status).toBe('skipped');
  });
});
