/**
 * The declarations (src/options/declarations.ts) against action.yml: every declared input is in action.yml with the
 * same default and a description, and every input of action.yml is declared. The CLI's usage text lists every
 * declared flag; no two options share an input or a flag.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { usage } from '../../src/cli-args.js';
import { ENGINE_OPTIONS, SHELL_OPTIONS, parseOption, type OptionSpec } from '../../src/options/declarations.js';
import { REPO_ROOT } from '../helpers/run-dist-action.js';

const DECLARED: readonly OptionSpec[] = [...Object.values(ENGINE_OPTIONS), ...Object.values(SHELL_OPTIONS)];

async function actionInputs(): Promise<Record<string, { description?: string; default?: string } | null>> {
  const document = parseDocument(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8'), { schema: 'failsafe' });
  return (document.toJS() as { inputs: Record<string, { description?: string; default?: string } | null> }).inputs;
}

describe('action.yml and the declarations', () => {
  it('declare the same inputs', async () => {
    const declared = DECLARED.flatMap((spec) => (spec.input === undefined ? [] : [spec.input])).sort();
    expect(Object.keys(await actionInputs()).sort()).toEqual(declared);
  });

  const withInput: [string, OptionSpec][] = DECLARED.flatMap((spec) => (spec.input ? [[spec.input, spec]] : []));
  it.each(withInput)('%s: same default, a description', async (input, spec) => {
    const yml = (await actionInputs())[input];
    expect(yml?.default ?? '').toBe(spec.default ?? '');
    expect((yml?.description ?? '').trim()).not.toBe('');
  });

  it('every option says what it is', () => {
    for (const spec of DECLARED) expect(spec.help.trim()).not.toBe('');
  });
});

describe('the CLI from the declarations', () => {
  it('lists every flag in the usage text', () => {
    const text = usage();
    for (const spec of DECLARED.filter((s) => s.flag !== undefined && !s.positional)) {
      expect(text).toContain(`--${spec.flag}`);
    }
  });

  it('no two options share an input or a flag; no secret has a flag', () => {
    const inputs = DECLARED.flatMap((spec) => (spec.input ? [spec.input] : []));
    const flags = DECLARED.flatMap((spec) => (spec.flag ? [spec.flag] : []));
    expect(new Set(inputs).size).toBe(inputs.length);
    expect(new Set(flags).size).toBe(flags.length);
    expect(DECLARED.filter((spec) => spec.kind === 'secret' && spec.flag !== undefined)).toEqual([]);
  });
});

describe('the fallbacks', () => {
  it('each fallback passes its own type unchanged, so a value equal to it needs no check', () => {
    const withFallback = DECLARED.filter((spec) => 'fallback' in spec);
    expect(withFallback.length).toBeGreaterThan(10);
    for (const spec of withFallback) {
      expect(spec.schema().parse(spec.fallback)).toEqual(spec.fallback);
    }
  });

  it('each choice and each boolean passes its own type unchanged, so it needs no check', () => {
    const withChoices = DECLARED.filter((spec) => spec.choices !== undefined);
    expect(withChoices.length).toBeGreaterThanOrEqual(5);
    for (const spec of withChoices) {
      for (const choice of spec.choices ?? []) expect(spec.schema().parse(choice)).toBe(choice);
      expect(spec.schema().safeParse('not-a-choice').success).toBe(false);
    }
    const booleans = DECLARED.filter((spec) => spec.kind === 'boolean');
    expect(booleans.length).toBeGreaterThan(3);
    for (const spec of booleans) for (const value of [true, false]) expect(spec.schema().parse(value)).toBe(value);
  });

  it('a choice or a boolean is taken as given; anything else is still checked by its type', () => {
    expect(parseOption(SHELL_OPTIONS.comment, 'never')).toEqual({ success: true, data: 'never' });
    expect(parseOption(ENGINE_OPTIONS.offline, true)).toEqual({ success: true, data: true });
    expect(parseOption(SHELL_OPTIONS.comment, 'Never')).toEqual({
      success: false,
      message: 'expected one of always, on-failure, never'
    });
    expect(parseOption(ENGINE_OPTIONS.offline, 'true').success).toBe(false);
  });

  it('a list not given gets its own copy of the fallback', () => {
    const first = parseOption(ENGINE_OPTIONS.paths, undefined);
    const second = parseOption(ENGINE_OPTIONS.paths, ['.']);
    expect(first).toEqual({ success: true, data: ['.'] });
    expect(second).toEqual({ success: true, data: ['.'] });
    if (first.success && second.success) expect(first.data).not.toBe(second.data);
    expect(first.success && first.data).not.toBe(ENGINE_OPTIONS.paths.fallback);
  });

  it('a value other than the fallback is checked by its type, with its message', () => {
    expect(parseOption(ENGINE_OPTIONS.failOn, 'sometimes')).toEqual({
      success: false,
      message: 'expected one of error, warning, never'
    });
    expect(parseOption(ENGINE_OPTIONS.environment, '  staging ')).toEqual({ success: true, data: 'staging' });
  });
});
