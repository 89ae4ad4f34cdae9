/**
 * What the Actions runner would DO with a step's output: a line-by-line workflow-command scanner that follows
 * actions/runner (src/Runner.Common/ActionCommand.cs, TryParseV2 then TryParse, and
 * src/Runner.Worker/ActionCommandManager.cs, TryProcessCommand), not what a well-behaved action means to print.
 *
 * - A line is split off at `\n`, `\r\n` or a lone `\r` (.NET's StreamReader.ReadLine).
 * - V2: the line, leading whitespace trimmed, starts with `::` and has a second `::`; between them is
 *   `name[ props]`; `name` must be registered (case-insensitive); props are `k=v` split on `,`.
 * - Legacy: `##[name props]data` found ANYWHERE in the line (IndexOf); props split on `;`. Tried only when V2 fails.
 * - `stop-commands` with data T: every later line is ignored as a command until one that parses with command
 *   name T (`::T::`), which resumes. T is registered while commands are stopped, so `::T::` parses.
 */

/** The commands actions/runner registers (plus `stop-commands`, which the command manager adds itself). */
export const REGISTERED_COMMANDS: readonly string[] = [
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
];

export interface ExecutedCommand {
  /** The command name as written (`error`, `stop-commands`, or the resume token). */
  command: string;
  /** Properties after the runner's unescaping. */
  properties: Record<string, string>;
  /** Data after the runner's unescaping. */
  data: string;
  /** `resume` for the line that ends a stop-commands block. */
  kind: 'v2' | 'legacy' | 'resume';
  /** 0-based index of the line in the scanned text. */
  line: number;
}

export interface ScanResult {
  /** Every command the runner would execute, in order (stop-commands and the resume line included). */
  executed: ExecutedCommand[];
  /** Lines seen while commands were stopped (each a line the runner prints as plain text). */
  stoppedLines: string[];
}

/**
 * .NET `String.TrimStart()` (`Char.IsWhiteSpace`): JavaScript's `\s` covers it except U+0085 (NEL), added here;
 * it also holds U+FEFF, which .NET does not trim, so a line starting with a BOM and `::` counts as a command here
 * (stricter than the runner, never laxer).
 */
const trimStart = (line: string): string => line.replace(/^[\s\u0085]+/, '');

function unescape(text: string, mappings: readonly (readonly [string, string])[]): string {
  let result = text;
  // The runner replaces each escape in the order of its table.
  for (const [replacement, token] of mappings) result = result.split(replacement).join(token);
  return result;
}

const DATA_ESCAPES = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
] as const;
const PROPERTY_ESCAPES = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
] as const;
const LEGACY_ESCAPES = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
] as const;

function properties(
  text: string,
  separator: string,
  escapes: readonly (readonly [string, string])[]
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of text.split(separator).filter((p) => p !== '')) {
    // String.Split('=', 2, RemoveEmptyEntries): `=x` gives one part, `k=` gives one part; both are dropped.
    const at = pair.indexOf('=');
    const parts = at < 0 ? [pair] : [pair.slice(0, at), pair.slice(at + 1)].filter((p) => p !== '');
    if (parts.length === 2) result[(parts[0] ?? '').toLowerCase()] = unescape(parts[1] ?? '', escapes);
  }
  return result;
}

function parseV2(input: string, registered: ReadonlySet<string>): Omit<ExecutedCommand, 'line' | 'kind'> | undefined {
  const message = trimStart(input);
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  return {
    command,
    properties: space > 0 ? properties(info.slice(space + 1).trim(), ',', PROPERTY_ESCAPES) : {},
    data: unescape(message.slice(end + 2), DATA_ESCAPES)
  };
}

function parseLegacy(
  input: string,
  registered: ReadonlySet<string>
): Omit<ExecutedCommand, 'line' | 'kind'> | undefined {
  const prefix = input.indexOf('##[');
  if (prefix < 0) return undefined;
  const bracket = input.indexOf(']', prefix);
  if (bracket < 0) return undefined;
  const info = input.slice(prefix + 3, bracket);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  return {
    command,
    properties: space > 0 ? properties(info.slice(space + 1), ';', LEGACY_ESCAPES) : {},
    data: unescape(input.slice(bracket + 1), LEGACY_ESCAPES)
  };
}

/** Scans `output` (one stream of a step) the way the runner processes it. */
export function scanRunnerCommands(output: string): ScanResult {
  const registered = new Set(REGISTERED_COMMANDS);
  const executed: ExecutedCommand[] = [];
  const stoppedLines: string[] = [];
  let stopToken: string | undefined;
  output.split(/\r\n|\r|\n/).forEach((input, line) => {
    if (input === '') return;
    const v2 = parseV2(input, registered);
    const parsed = v2 ?? parseLegacy(input, registered);
    const kind = v2 ? 'v2' : 'legacy';
    if (stopToken !== undefined) {
      if (parsed && stopToken !== '' && parsed.command.toLowerCase() === stopToken.toLowerCase()) {
        executed.push({ ...parsed, kind: 'resume', line });
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
      } else stoppedLines.push(input);
      return;
    }
    if (!parsed) return;
    executed.push({ ...parsed, kind, line });
    if (parsed.command.toLowerCase() === 'stop-commands') {
      stopToken = parsed.data;
      registered.add(stopToken.toLowerCase());
    }
  });
  return { executed, stoppedLines };
}

/**
 * Text for a test title or an assertion message that no runner executes: JSON-quoted (no raw line breaks),
 * invisible and white-space characters as `\uXXXX`, `##[` as `##\u005b`. Run in CI, a failing test prints its
 * messages to the step's log: a hostile string quoted raw there would be a command again.
 */
export function inert(text: string): string {
  return JSON.stringify(text)
    .replace(
      /[\u0080-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
    .replace(/##\[/g, '##\\u005b');
}

/** One line per command, for assertion messages: name and properties (inert), never the data (it may be a secret). */
export function describeCommands(commands: readonly ExecutedCommand[]): string[] {
  return commands.map((c) => inert(`${c.kind} ${c.command} ${JSON.stringify(c.properties)}`));
}
