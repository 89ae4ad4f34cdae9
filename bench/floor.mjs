#!/usr/bin/env node
// The benchmark's lower bound: the least any Node tool must do to answer what the gate answers on a tree,
// measured in the same run so the targets can be read against it.
//
//   node bench/floor.mjs 'bench/.trees/t1000/**/.env*'
//
// It walks the tree with tinyglobby (as the gate does), reads every file, runs dotenv's line regex over it,
// and writes a pretty-printed JSON report (ASCII, like the gate's) with one finding for every development key
// (a value starting `pk_test_` or `sk_test_`; fewer findings than the gate reports on these trees), carrying
// the same fields as the gate's findings, with texts of about the same length.
// It does not expand references, layer files, decode keys, apply ten rules, redact, sort or report ignored
// lines: whatever the gate costs beyond this row is the price of that work.

import { readFileSync, writeSync } from 'node:fs';
import { globSync } from 'tinyglobby';

const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;
const FIX =
  "Replace it with the production instance's publishable key (`pk_live_\\u2026`) from the Clerk Dashboard, " +
  'API keys page, with the production instance selected.';

const files = globSync(process.argv.slice(2), { dot: true, onlyFiles: true, expandDirectories: false }).sort();
const sources = [];
const findings = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  let variables = 0;
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m !== null; m = LINE.exec(text)) {
    variables++;
    const name = m[1];
    const value = (m[2] ?? '').trim();
    if (!value.startsWith('pk_test_') && !value.startsWith('sk_test_')) continue;
    findings.push({
      rule: 'dev-publishable-key',
      severity: 'error',
      variable: name,
      value: `${value.slice(0, 8)}\\u2026${value.slice(-4)}`,
      location: { file, line: 1, column: 1 },
      message: `${name} holds a development publishable key (instance ${value.length} characters long).`,
      fix: FIX
    });
  }
  sources.push({ kind: 'file', file, variables });
}
const report = { version: 1, passed: findings.length === 0, sources, findings };
// The placeholder `\\u2026` becomes the JSON escape `\u2026` (what the gate writes for `…`).
writeSync(1, `${JSON.stringify(report, null, 2).replaceAll('\\\\u2026', '\\u2026')}\n`);
process.exitCode = findings.length === 0 ? 0 : 1;
