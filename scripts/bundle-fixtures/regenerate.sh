#!/usr/bin/env bash
# Rebuilds the real client bundles in __tests__/fixtures/bundles/ (see the README there).
#
#   bash scripts/bundle-fixtures/regenerate.sh            # every app
#   bash scripts/bundle-fixtures/regenerate.sh astro-server tanstack-start gatsby   # only these (vite-react and
#                                                          # nextjs are built together)
#
# Needs Node 20.19+ and the npm registry; takes a few minutes. Not part of CI: run it by hand after changing an app
# or a version, then review and commit the fixtures (and the apps' package-lock.json files).
#
# Each app (vite-react/, nextjs/) is copied to a temp folder, installed there with `npm install` from its
# package-lock.json (exact versions; when the lock file is missing, the one npm writes is copied back next to the app)
# and built once per key. Nothing is installed or built inside the repository. `npm ci` is not used: vite 8.4.0 names an
# optional dependency (napi-windows-process-start-time) that the registry does not serve, which `npm install` skips but
# `npm ci` rejects as a lock file out of sync. The keys are fake:
#   development: pk_test_ + base64('happy-hippo-42.clerk.accounts.dev$')
#   production:  pk_live_ + base64('clerk.example-gate.com$')
#   leaked-secret (Vite only): the development key plus VITE_CLERK_SECRET_KEY=sk_test_CANARY… (a canary, not a key)
# Builds run with a clean environment (env -i), so no Clerk variable of the shell leaks into a fixture. The Next.js
# build needs no CLERK_SECRET_KEY (no middleware, no server-side Clerk call), so none is given.
#
# The fixtures are written to the temp folder first and replace __tests__/fixtures/bundles/{vite-react,nextjs}/ only
# once every build and check has passed. Set KEEP_WORK=1 to keep the temp folder for inspection.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
FIXTURES="$ROOT/__tests__/fixtures/bundles"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bundle-fixtures.XXXXXX")"
OUT="$WORK/out"
if [ "${KEEP_WORK:-}" = 1 ]; then
  trap 'echo "build folder kept: $WORK"' EXIT
else
  trap 'rm -rf "$WORK"' EXIT
fi

DEV_PK="$(node -p "'pk_test_' + Buffer.from('happy-hippo-42.clerk.accounts.dev\$').toString('base64')")"
PROD_PK="$(node -p "'pk_live_' + Buffer.from('clerk.example-gate.com\$').toString('base64')")"
CANARY_SK='sk_test_CANARYbundleLeak0123456789abcdefghijklmnopqrstu'

step() { printf '\n==> %s\n' "$*"; }
fail() {
  echo "check failed: $*" >&2
  exit 1
}

# The apps named on the command line, or all of them.
SELECTED="${*:-all}"
want() { [ "$SELECTED" = all ] || [[ " $SELECTED " == *" $1 "* ]]; }

# A clean environment for the package manager and the builds, plus the variables given as arguments.
# NODE_EXTRA_CA_CERTS is passed on when set: behind a TLS-inspecting proxy npm needs it to reach the registry.
run_clean() {
  env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 CI=1 NEXT_TELEMETRY_DISABLED=1 \
    ${NODE_EXTRA_CA_CERTS:+NODE_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS"} "$@"
}

# prepare_app NAME: copies scripts/bundle-fixtures/NAME to the temp folder and installs its dependencies there.
prepare_app() {
  local name="$1" dir="$WORK/$1"
  mkdir -p "$dir"
  tar -C "$HERE/$name" --exclude=node_modules --exclude=dist --exclude=.next --exclude=next-env.d.ts \
    --exclude=.astro --exclude=.output --exclude=.cache --exclude=./public --exclude=.tanstack -cf - . |
    tar -C "$dir" -xf -
  local had_lock=0
  [ -f "$dir/package-lock.json" ] && had_lock=1
  (cd "$dir" && run_clean npm install --no-audit --no-fund)
  if [ "$had_lock" = 0 ]; then
    cp "$dir/package-lock.json" "$HERE/$name/package-lock.json"
    echo "wrote $HERE/$name/package-lock.json"
  fi
}

node --version
npm --version

if want vite-react || want nextjs; then
step "Vite + React: install"
prepare_app vite-react
(cd "$WORK/vite-react" && npm ls --depth=0 vite @vitejs/plugin-react react react-dom @clerk/clerk-react)

vite_build() { # vite_build VARIANT ENV...
  local variant="$1"
  shift
  step "Vite + React: build '$variant'"
  (cd "$WORK/vite-react" && run_clean "$@" npx --no-install vite build --emptyOutDir)
  node "$HERE/collect.mjs" vite "$WORK/vite-react/dist" "$OUT/vite-react/$variant"
}
vite_build development VITE_CLERK_PUBLISHABLE_KEY="$DEV_PK"
vite_build production VITE_CLERK_PUBLISHABLE_KEY="$PROD_PK"
vite_build leaked-secret VITE_CLERK_PUBLISHABLE_KEY="$DEV_PK" VITE_CLERK_SECRET_KEY="$CANARY_SK"

step "Next.js: install"
prepare_app nextjs
(cd "$WORK/nextjs" && npm ls --depth=0 next react react-dom @clerk/nextjs)

next_build() { # next_build VARIANT KEY
  local variant="$1" key="$2"
  step "Next.js: build '$variant'"
  rm -rf "$WORK/nextjs/.next"
  (cd "$WORK/nextjs" &&
    run_clean NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY="$key" npx --no-install next build)
  node "$HERE/collect.mjs" next "$WORK/nextjs" "$OUT/nextjs/$variant" "$key"
}
next_build development "$DEV_PK"
next_build production "$PROD_PK"

step "checks"
# No machine path in any fixture file (source maps above all).
for path in "$WORK" "$ROOT" "$HOME/"; do
  if grep -rlF -- "$path" "$OUT"; then fail "the files above contain the machine path $path"; fi
done
# Each build carries its own key and nothing of the others.
has() { grep -rqF -- "$2" "$OUT/$1"; }
has vite-react/development "$DEV_PK" || fail "vite-react/development lacks the development key"
has vite-react/production "$PROD_PK" || fail "vite-react/production lacks the production key"
has vite-react/leaked-secret "$DEV_PK" || fail "vite-react/leaked-secret lacks the development key"
has vite-react/leaked-secret "$CANARY_SK" || fail "vite-react/leaked-secret lacks the canary secret"
has nextjs/development "$DEV_PK" || fail "nextjs/development lacks the development key"
has nextjs/production "$PROD_PK" || fail "nextjs/production lacks the production key"
grep -qF -- "$DEV_PK" "$OUT/nextjs/development/page.html" || fail "nextjs/development/page.html lacks the key"
grep -qF -- "$PROD_PK" "$OUT/nextjs/production/page.html" || fail "nextjs/production/page.html lacks the key"
for variant in vite-react/production nextjs/production; do
  if has "$variant" "$DEV_PK"; then fail "$variant contains the development key"; fi
done
for variant in vite-react/development vite-react/leaked-secret nextjs/development; do
  if has "$variant" "$PROD_PK"; then fail "$variant contains the production key"; fi
done
for variant in vite-react/development vite-react/production nextjs/development nextjs/production; do
  # (the SDK's own "sk_test_" / "sk_live_" prefix constants are fine: only a prefix followed by a key body is not)
  if grep -rqE -- 'sk_(test|live)_[A-Za-z0-9]{20}' "$OUT/$variant"; then fail "$variant contains a secret key"; fi
done

fi # vite-react, nextjs

# ---- fixa apps: astro-server, tanstack-start, gatsby -------------------------------------------------------------
# Each builds alone (`regenerate.sh astro-server`) and checks its own output; see "Astro server output",
# "TanStack Start" and "Gatsby" in __tests__/fixtures/bundles/README.md.
. "$HERE/fixa-apps.sh"
want astro-server && build_astro_server
want tanstack-start && build_tanstack_start
want gatsby && build_gatsby
# ---- end of fixa apps -------------------------------------------------------------------------------------------

step "checks: no machine path"
for path in "$WORK" "$ROOT" "$HOME/"; do
  if grep -rlF -- "$path" "$OUT"; then fail "the files above contain the machine path $path"; fi
done

step "fixtures"
mkdir -p "$FIXTURES"
for app in "$OUT"/*; do
  name="$(basename "$app")"
  rm -rf "${FIXTURES:?}/$name"
  mv "$app" "$FIXTURES/"
  (cd "$FIXTURES" && du -s "$name")
done
du -sh "$FIXTURES"
