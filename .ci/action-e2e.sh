#!/usr/bin/env bash
# Runs the action bundle the way the runner runs a node24 action, on the shipped Next.js example:
# a clean environment (env -i), INPUT_* for every input of action.yml at its default (dashes kept),
# the runner's files and variables, cwd = GITHUB_WORKSPACE.
# Usage: .ci/action-e2e.sh NODE [BUNDLE]   (BUNDLE defaults to dist/index.js)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

node="${1:?usage: .ci/action-e2e.sh /path/to/node [bundle]}"
bundle="${2:-dist/index.js}"
case "$bundle" in /*) ;; *) bundle="$root/$bundle" ;; esac
workspace="$root/examples/nextjs-app"
event_path="$root/__tests__/fixtures/github/pull_request/opened.payload.json"

fail() {
  echo "action e2e: $*" >&2
  exit 1
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/runner-temp"
: >"$tmp/output"
: >"$tmp/step-summary.md"

# INPUT_<name> for every input at its action.yml default, NUL-separated (a default may hold a newline);
# the runner's rule: spaces become '_', upper-cased, dashes kept. Read with the repository's yaml package.
mapfile -d '' inputs < <("$node" -e '
  const { parseDocument } = require("yaml");
  const doc = parseDocument(require("fs").readFileSync("action.yml", "utf8"), { schema: "failsafe" });
  if (doc.errors.length > 0) throw new Error("action.yml: " + doc.errors[0].message);
  for (const [name, input] of Object.entries(doc.toJS().inputs)) {
    const value = (input && input.default) || "";
    process.stdout.write("INPUT_" + name.replace(/ /g, "_").toUpperCase() + "=" + value + "\0");
  }
')
[ "${#inputs[@]}" -gt 5 ] || fail "read only ${#inputs[@]} inputs from action.yml"

set +e
(
  cd "$workspace"
  env -i \
    PATH="$PATH" HOME="$HOME" \
    CI=true GITHUB_ACTIONS=true RUNNER_OS=Linux \
    GITHUB_WORKSPACE="$workspace" \
    RUNNER_TEMP="$tmp/runner-temp" \
    GITHUB_OUTPUT="$tmp/output" \
    GITHUB_STEP_SUMMARY="$tmp/step-summary.md" \
    GITHUB_EVENT_NAME=pull_request \
    GITHUB_EVENT_PATH="$event_path" \
    GITHUB_REPOSITORY=Codertocat/Hello-World \
    GITHUB_SHA=ec26c3e57ca3a959ca5aad62de7213c562f8c821 \
    GITHUB_REF=refs/pull/2/merge \
    GITHUB_RUN_ID=1658821493 \
    GITHUB_SERVER_URL=https://github.com \
    "${inputs[@]}" \
    'INPUT_ENV-FILES=.env*' \
    INPUT_OFFLINE=true \
    "$node" "$bundle"
) >"$tmp/stdout" 2>"$tmp/stderr"
code=$?
set -e

# The streams are not echoed: they would repeat the example's (fake) keys from the ::add-mask:: lines.
if grep -qi 'internal error' "$tmp/stdout" "$tmp/stderr"; then
  grep -hi 'internal error' "$tmp/stdout" "$tmp/stderr" >&2
  fail "the bundle reported an internal error (exit code $code)"
fi
if grep -qE '^\s+at ' "$tmp/stdout" "$tmp/stderr"; then fail "the bundle printed a stack trace (exit code $code)"; fi
# The example ships development settings: the gate must fail (1), not pass (0) or break (2).
[ "$code" -eq 1 ] || fail "expected exit code 1 on examples/nextjs-app, got $code"
[ -s "$tmp/step-summary.md" ] || fail "the job summary (GITHUB_STEP_SUMMARY) is empty"
passed="$("$node" -e '
  // GITHUB_OUTPUT blocks: name<<DELIMITER, the value lines, DELIMITER.
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
  const outputs = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    if (end < 0) throw new Error("GITHUB_OUTPUT: no closing delimiter for " + m[1]);
    outputs[m[1]] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  process.stdout.write(String(outputs.passed));
' "$tmp/output")"
[ "$passed" = false ] || fail "expected output passed=false, got '$passed'"
errors="$(grep -c '^::error ' "$tmp/stdout" || true)"
echo "action e2e ($("$node" --version)): exit 1, passed=false, $errors error annotations, summary $(wc -c <"$tmp/step-summary.md") bytes, as expected"
