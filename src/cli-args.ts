import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './core/errors.js';
import { ENGINE_OPTIONS, SHELL_OPTIONS, type OptionSpec, type OptionValues } from './options/declarations.js';
import { parseOptions, type RawValue } from './options/parse.js';
import { readInputFile } from './read-input-file.js';

type EngineValues = Partial<OptionValues<typeof ENGINE_OPTIONS>>;
type ShellValues = Partial<OptionValues<typeof SHELL_OPTIONS>>;

interface CliArgs {
  /** The engine's options given on the command line (the environment's defaults applied). */
  engine: EngineValues;
  shell: ShellValues;
}

const ALL: readonly OptionSpec[] = [...Object.values(ENGINE_OPTIONS), ...Object.values(SHELL_OPTIONS)];
const FLAGS = ALL.filter((spec) => spec.flag !== undefined && !spec.positional);

/** node:util parseArgs' options, from the declarations. */
function parseArgsOptions(): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    FLAGS.map((spec) => [
      spec.flag ?? '',
      {
        type: spec.kind === 'boolean' ? ('boolean' as const) : ('string' as const),
        ...(spec.multiple && { multiple: true }),
        ...(spec.short !== undefined && { short: spec.short })
      }
    ])
  );
}

/** The usage text, from the declarations. */
export function usage(): string {
  const lines = FLAGS.map((spec) => {
    const left = `${spec.short ? `-${spec.short}, ` : ''}--${spec.flag}${spec.arg ? ` ${spec.arg}` : ''}`;
    return `  ${left.padEnd(32)}${spec.help}`;
  });
  const secrets = ALL.filter((spec) => spec.kind === 'secret' && spec.fromEnvironment).map(
    (spec) => `  ${(spec.fromEnvironment ?? '').padEnd(32)}${spec.help}`
  );
  return `Usage: clerk-production-gate [options] [path ...]

Stops a production deploy that still carries Clerk development settings.
Each path is a dotenv file, a glob ('apps/*/.env*'), or a directory, read the
way its framework loads it for the target environment. Default: .

Options:
${lines.join('\n')}

Secrets, read from the environment only (a flag would show them in ps and shell history):
${secrets.join('\n')}

Exit codes: 0 passed, 1 the gate failed, 2 usage or input error.`;
}

/**
 * Parses argv strictly: an unknown option or a missing value is a usage error (exit 2) naming the flag. Options not
 * given take the environment's value where the declaration names one (`defaults`).
 */
export function parseCliArgs(argv: string[], cwd: string, defaults: Partial<Record<string, string>> = {}): CliArgs {
  // A secret on the command line would be in `ps`, shell history and CI logs: refused, without echoing it.
  for (const spec of ALL.filter((s) => s.kind === 'secret' && s.fromEnvironment)) {
    if (argv.some((arg) => arg === `--${spec.input}` || arg.startsWith(`--${spec.input}=`))) {
      throw new InputError(`--${spec.input}: not a flag; ${spec.fromEnvironment} is read from the environment only`);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: parseArgsOptions() });
  } catch (error) {
    throw new InputError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values, positionals } = parsed;
  const raw = (spec: OptionSpec): RawValue => {
    if (spec.positional) return positionals;
    const value = spec.flag === undefined ? undefined : values[spec.flag];
    if (spec.kind === 'json' && typeof value === 'string') return readInputFile(`--${spec.flag}`, value, cwd);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : value;
  };
  const name = (spec: OptionSpec): string => (spec.positional ? 'path' : `--${spec.flag ?? spec.input}`);
  return {
    engine: parseOptions(ENGINE_OPTIONS, raw, name, defaults),
    shell: parseOptions(SHELL_OPTIONS, raw, name)
  };
}
