/*!
 * The expansion below is ported from dotenv-expand 12.0.3 (https://github.com/motdotla/dotenv-expand), whose
 * license follows.
 *
 * Copyright (c) 2016, Scott Motte
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * * Redistributions of source code must retain the above copyright notice, this
 *   list of conditions and the following disclaimer.
 *
 * * Redistributions in binary form must reproduce the above copyright notice,
 *   this list of conditions and the following disclaimer in the documentation
 *   and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/**
 * The expansion of dotenv-expand 12.0.3 (`lib/main.js`, BSD-2-Clause: see the notice above), ported
 * because the package cannot be made safe from outside, and a gate must never hang or crash on a user's file:
 *
 * - It looks names up in plain objects, so a name that is also an `Object.prototype` property reads the
 *   inherited function or object: `A=${constructor}` loops forever, a variable named `constructor` throws
 *   ("replace is not a function"), `${toString}` becomes `[object Undefined]`.
 * - It loops forever on input such as `A=\$A` + `B=$A$B`: the escape-resolved `$A` is searched again, and
 *   replacing it with itself changes nothing.
 *
 * Here every lookup is of an own entry (a name is set or not, whatever it is called), and the expansion of one
 * value is bounded: more than MAX_STEPS substitutions, or more than MAX_TEXT characters searched in all (which
 * also bounds the `seen` set, which keeps every intermediate text), throws EndlessExpansion. Everything else is the
 * library's algorithm statement for statement, quirks included: `$&`/`$1` patterns in a substituted value,
 * `split(null)` for an expression without operator, the early stop when a value equals its own name's entry.
 * A test compares the two over the dotenv corpus and random input (the package stays a devDependency).
 */

/** Substitutions in one value: real values need a handful. */
const MAX_STEPS = 1000;
/** Characters searched while expanding one value, all steps together (`B=$A$A`, `C=$B$B`, … doubles each line). */
const MAX_TEXT = 1 << 22;

export class EndlessExpansion extends Error {
  override readonly name = 'EndlessExpansion';
  constructor(readonly key: string) {
    super(`the expansion of ${key} does not finish`);
  }
}

export interface ExpandOptions {
  /** Names to values, in dotenv-expand's iteration order (an object's own keys). Updated in place. */
  parsed: Record<string, string>;
  /** Values that win over `parsed`, as process.env does in dotenv-expand. Read only. */
  processEnv: Record<string, string>;
  /** Told of each reference that found a value: `name` was substituted into the value of `key`. */
  onReference?: (key: string, name: string) => void;
}

const REFERENCE = /(?<!\\)\${([^{}]+)}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g;
const OPERATOR = /(:\+|\+|:-|-)/;

function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function resolveEscapeSequences(value: string): string {
  return value.replace(/\\\$/g, '$');
}

function expandValue(
  key: string,
  value: string,
  processEnv: Record<string, string>,
  runningParsed: Map<string, string>,
  onReference: (key: string, name: string) => void
): string {
  // dotenv-expand builds `{ ...runningParsed, ...processEnv }`: process.env wins.
  const env = (name: string): string | undefined => own(processEnv, name) ?? runningParsed.get(name);
  const regex = REFERENCE; // not re-entered: one expansion at a time
  regex.lastIndex = 0;
  let result = value;
  let match: RegExpExecArray | null;
  const seen = new Set<string>(); // self-referential checker
  let steps = 0;
  let searched = 0;

  while ((match = regex.exec(result)) !== null) {
    searched += result.length;
    if (++steps > MAX_STEPS || searched > MAX_TEXT) throw new EndlessExpansion(key);
    seen.add(result);

    const [template, bracedExpression, unbracedExpression] = match;
    const expression = (bracedExpression || unbracedExpression) as string;
    const opMatch = expression.match(OPERATOR);
    // The library splits on `null` (the string "null") when there is no operator; kept for identical output.
    const splitter = opMatch ? opMatch[0] : (null as unknown as string);
    const r = expression.split(splitter);

    let defaultValue: string;
    let found: string | null | undefined;
    const name = r.shift() as string;

    if ([':+', '+'].includes(splitter)) {
      defaultValue = env(name) ? r.join(splitter) : '';
      found = null;
    } else {
      defaultValue = r.join(splitter);
      found = env(name);
    }

    if (found) {
      if (!seen.has(found)) onReference(key, name);
      result = result.replace(template, seen.has(found) ? defaultValue : found);
    } else {
      result = result.replace(template, defaultValue);
    }

    // if the result equaled what was in process.env and runningParsed then stop expanding
    if (result === runningParsed.get(name)) break;

    regex.lastIndex = 0; // reset regex search position to re-evaluate after each replacement
  }
  return result;
}

/** dotenv-expand's `expand`, except that it neither reads nor writes process.env (see the file comment). */
export function expandDotenv(options: ExpandOptions): Record<string, string> {
  const { parsed, processEnv, onReference = () => {} } = options;
  const runningParsed = new Map<string, string>();
  for (const key of Object.keys(parsed)) {
    let value = parsed[key] as string;
    const fromEnv = own(processEnv, key);
    if (fromEnv && fromEnv !== value) {
      value = fromEnv;
    } else if (value.includes('$')) {
      // Without a `$` there is no reference to expand and no `\$` to resolve: the value stays as it is.
      value = expandValue(key, value, processEnv, runningParsed, onReference);
    }
    if (value.includes('\\$')) value = resolveEscapeSequences(value);
    parsed[key] = value;
    runningParsed.set(key, value);
  }
  return parsed;
}
